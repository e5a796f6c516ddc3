import type { Dashboard } from '../api/types';
import { useI18n } from '../i18n';

/**
 * The numbers behind the charts, as the CSV export has them: a row per state
 * and a total per workflow. On phones the per-workflow columns (closed,
 * speed, punctuality) give way; the chart cards repeat them.
 */
export function DashboardTable({ data }: { data: Dashboard }) {
  const { t, lang } = useI18n();
  const name = (x: { title: string; titleEn: string }) => (lang === 'en' ? x.titleEn : x.title);
  return (
    <div className="table-wrap">
      <table className="table table-dash">
        <caption className="visually-hidden">{t('dashboard.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.col.state')}</th>
            <th scope="col" className="num">{t('dashboard.col.count')}</th>
            <th scope="col" className="num">{t('dashboard.col.overdue')}</th>
            <th scope="col" className="num wide-only">{t('dashboard.col.closed')}</th>
            <th scope="col" className="num wide-only">{t('dashboard.col.avgHours')}</th>
            <th scope="col" className="num wide-only">{t('dashboard.col.inTime')}</th>
          </tr>
        </thead>
        {data.workflows.map((w) => (
          <tbody key={w.id} data-workflow={w.id}>
            <tr className="group-row">
              <th scope="colgroup" colSpan={6}>
                {name(w)}
              </th>
            </tr>
            {w.states.map((s) => (
              <tr key={s.id} data-state={s.id}>
                <th scope="row">{name(s)}</th>
                <td className="num">{s.count}</td>
                <td className={`num ${s.overdue ? 'text-danger' : ''}`}>{s.overdue}</td>
                <td className="num wide-only" />
                <td className="num wide-only" />
                <td className="num wide-only" />
              </tr>
            ))}
            <tr className="total-row">
              <th scope="row">{t('dashboard.total')}</th>
              <td className="num">{w.total}</td>
              <td className={`num ${w.overdue ? 'text-danger' : ''}`}>{w.overdue}</td>
              <td className="num wide-only">{w.closed}</td>
              <td className="num wide-only">{w.avgHoursToClose ?? '—'}</td>
              <td className="num wide-only">{w.closedInTimePct === null ? '—' : `${w.closedInTimePct}%`}</td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
