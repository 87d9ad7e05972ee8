// Which entries of the queue of codes to map the imports screen shows: those matching the seller's
// filter, a page at a time, so thousands of codes (a new marketplace's first orders report) never
// become thousands of rows, each with a SKU picker and two buttons. Pure, so it is tested in Node.
import type { QueuedCode } from '../../../shared/import/unmappedCodes';

export const CODE_QUEUE_PAGE_SIZE = 50;

export interface CodeQueuePage {
  /** The entries to draw. */
  entries: QueuedCode[];
  /** Entries matching the filter (all without one). */
  matching: number;
  /** The page shown (0-based, moved back onto the last page when the queue shrank) and the number of pages (at least 1). */
  page: number;
  pages: number;
  /** 1-based positions of the first and last entry shown among the matching ones (0, 0: none). */
  first: number;
  last: number;
}

/**
 * The page `page` of the entries whose code, seller SKU, FNSKU, ASIN, title or marketplace holds
 * `filter` (case-insensitive, trimmed; blank: every entry), in the queue's own order.
 */
export function codeQueuePage(queue: readonly QueuedCode[], filter: string, page: number, size = CODE_QUEUE_PAGE_SIZE): CodeQueuePage {
  const wanted = filter.trim().toUpperCase();
  const matching = wanted === '' ? queue : queue.filter((q) => [q.code, q.sellerSku, q.fnsku, q.asin, q.title, q.marketplace].some((text) => text.toUpperCase().includes(wanted)));
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const entries = matching.slice(shown * size, (shown + 1) * size);
  return { entries, matching: matching.length, page: shown, pages, first: entries.length > 0 ? shown * size + 1 : 0, last: shown * size + entries.length };
}
