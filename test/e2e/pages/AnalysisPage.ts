import type { Locator, Page } from 'playwright-core';
import { AppShell } from './AppShell';

export type AnalysisTab = 'abc' | 'turnover' | 'ageing' | 'overstock' | 'understock';

const TAB_NAMES: Record<AnalysisTab, string> = {
  abc: 'ABC classes',
  turnover: 'Turnover & sell-through',
  ageing: 'Inventory age',
  overstock: 'Overstock & actions',
  understock: 'Understock',
};

/** A number as the analysis shows it: "1,234", "$1,234.56", "36.5%" or "—" / blank → NaN. */
export const analysisNumber = (text: string | undefined): number => {
  const cleaned = (text ?? '').replace(/[$,%\s]/g, '');
  return cleaned === '' || cleaned === '—' ? Number.NaN : Number(cleaned);
};

/** The Analysis screen (renderer/features/analysis/Analysis.tsx): summary, settings, tabs of tables, a SKU's explanation. */
export class AnalysisPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.go('analysis');
  }

  summary(): Locator {
    return this.page.getByTestId('analysis-summary');
  }

  /** A figure/value/how table (the summary or a SKU's explanation) as figure id → { label, value, how }. */
  private static async figures(table: Locator): Promise<Record<string, { label: string; value: string; how: string }>> {
    return table.locator('tbody tr').evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute('data-figure') ?? '',
          {
            label: (row.querySelector('th')?.textContent ?? '').trim(),
            value: (row.querySelector('[data-part="value"]')?.textContent ?? '').trim(),
            how: (row.querySelector('[data-part="how"]')?.textContent ?? '').trim(),
          },
        ]),
      ),
    );
  }

  /** Waits for the summary (the worker's first answer) and reads it. */
  async summaryFigures(timeout = 60_000): Promise<Record<string, { label: string; value: string; how: string }>> {
    await this.summary().waitFor({ timeout });
    return AnalysisPage.figures(this.summary());
  }

  async explanationFigures(): Promise<Record<string, { label: string; value: string; how: string }>> {
    const table = this.page.getByTestId('analysis-explanation');
    await table.waitFor();
    return AnalysisPage.figures(table);
  }

  async explanationTitle(): Promise<string> {
    return ((await this.page.getByRole('heading', { level: 2, name: /how each figure is computed$/ }).textContent()) ?? '').trim();
  }

  async showTab(tab: AnalysisTab): Promise<void> {
    await this.page.getByRole('tab', { name: TAB_NAMES[tab] }).click();
  }

  table(tab: AnalysisTab): Locator {
    return this.page.getByTestId(`analysis-${tab}`);
  }

  /** The rendered rows (the table is virtualised), cells keyed by column id. */
  async rows(tab: AnalysisTab): Promise<Record<string, string>[]> {
    await this.page.getByTestId(`analysis-${tab}-row`).first().waitFor();
    return this.tableRows(`analysis-${tab}`);
  }

  async explainRow(tab: AnalysisTab, position: number): Promise<void> {
    await this.page.getByTestId(`analysis-${tab}-row`).nth(position).dblclick();
  }

  settingsForm(): Locator {
    return this.page.getByRole('form', { name: 'Thresholds and target' });
  }

  setting(name: 'abcCutoffA' | 'abcCutoffB' | 'abcBasis' | 'targetCoverDays'): Locator {
    return this.settingsForm().locator(`[name="${name}"]`);
  }

  async saveSettings(values: Partial<Record<'abcCutoffA' | 'abcCutoffB' | 'targetCoverDays', string>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await this.settingsForm().locator(`[name="${name}"]`).fill(value);
    await this.settingsForm().getByRole('button', { name: 'Save' }).click();
  }
}
