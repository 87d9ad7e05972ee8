// A table of figures, each with its value and how it was found: the plan's explanations, the
// analysis' summary and a SKU's analysis.
import { useT } from '../i18n';

/** [id, label, value, how]: the id names the row for tests and keys (data-figure). */
export type FigureRow = readonly [string, string, string, string];

export function FigureTable({ rows, testId }: { rows: readonly FigureRow[]; testId: string }) {
  const { t } = useT();
  return (
    <table className="data-table--plain" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('plan.x.figure')}</th>
          <th scope="col">{t('plan.x.value')}</th>
          <th scope="col">{t('plan.x.how')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, label, value, how]) => (
          <tr key={id} data-figure={id}>
            <th scope="row">{label}</th>
            <td className="num" data-part="value">
              {value}
            </td>
            <td data-part="how">{how}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
