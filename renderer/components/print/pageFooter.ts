// Page numbers for printed documents, as CSS @page margin boxes (Chromium 131+, so Electron 34+):
// counter(pages) is only known to the print layout, so page numbers cannot be rendered by React.

/** Longer titles are cut: the footer shares one 12 mm margin line with the page number. */
const MAX_FOOTER_TITLE = 80;

/** A CSS string literal. Quotes, backslashes, line breaks and angle brackets are escaped, so any text is safe inside a <style>. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * CSS for the footer of every printed page: the document title bottom left, "Page n of m" bottom
 * right. `pageOf` is the translated template, e.g. "Page {page} of {pages}" or "第 {page} 页，共 {pages} 页".
 * The footer's font and colour are in styles.css ("print documents").
 */
export function pageFooterCss(title: string, pageOf: string): string {
  const shortTitle = title.length > MAX_FOOTER_TITLE ? `${title.slice(0, MAX_FOOTER_TITLE - 1)}…` : title;
  const pageNumber = pageOf
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
  return `@media print { @page { @bottom-left { content: ${cssString(shortTitle)}; } @bottom-right { content: ${pageNumber}; } } }`;
}
