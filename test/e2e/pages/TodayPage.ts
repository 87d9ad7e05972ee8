import type { Locator, Page } from 'playwright-core';
import { AppShell } from './AppShell';

export type TodayList = 'delayed' | 'latePo' | 'orders' | 'ship' | 'stockouts' | 'counts' | 'understock' | 'overstock' | 'freshness';

/** The Today screen (renderer/features/today/Today.tsx): a count per list on top, then the lists. */
export class TodayPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('today');
  }

  countButton(list: TodayList): Locator {
    return this.page.getByTestId(`today-count-${list}`);
  }

  /** The number on a list's count button; NaN while it is still being worked out ("…"). */
  async count(list: TodayList): Promise<number> {
    const text = (await this.countButton(list).locator('.today__count-number').textContent()) ?? '';
    return text.trim() === '…' ? Number.NaN : Number(text.replace(/,/g, ''));
  }

  /** A list's rows, cells keyed by column id (empty while the list is loading or has none). */
  async rows(list: TodayList): Promise<Record<string, string>[]> {
    return this.tableRows(`today-${list}-table`);
  }

  list(list: TodayList): Locator {
    return this.page.getByTestId(`today-${list}`);
  }

  navBadge(): Locator {
    return this.page.getByTestId('nav-late-count');
  }
}
