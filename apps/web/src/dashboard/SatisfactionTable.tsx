import { api } from '../api/client';
import { useLoad } from '../api/useApi';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';

interface Figures {
  closed: number;
  rated: number;
  satisfied: number;
  unrated: number;
  reopened: number;
  avgRating: number | null;
  satisfactionPct: number | null;
  reopenPct: number | null;
}
interface Report {
  totals: Figures;
  rows: (Figures & { orgId: string; orgName: string; month: string })[];
}

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

/** 成效群众判: residents' ratings and reopenings of closed tickets, by month and by the orgs below the one chosen. */
export function SatisfactionTable({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const query = new URLSearchParams({ ...(orgId ? { orgId } : {}), months: '12' }).toString();
  const report = useLoad(`satisfaction?${query}`, (signal) => api<Report>(`/api/dashboard/satisfaction?${query}`, { signal }));
  if (report.error) return <ErrorNotice error={report.error} onRetry={report.reload} />;
  if (!report.data) return <Loading />;
  const { totals, rows } = report.data;
  return (
    <section className="card" aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title" className="card-title">
        {t('satisfaction.title')}
        <span className="card-title-note">
          {t('satisfaction.summary', { satisfied: pct(totals.satisfactionPct), reopened: pct(totals.reopenPct), unrated: totals.unrated })}
        </span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('satisfaction.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-dash table-nowrap">
            <caption className="visually-hidden">{t('satisfaction.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('satisfaction.month')}</th>
                <th scope="col">{t('satisfaction.org')}</th>
                <th scope="col" className="num">{t('satisfaction.closed')}</th>
                <th scope="col" className="num">{t('satisfaction.rated')}</th>
                <th scope="col" className="num">{t('satisfaction.avg')}</th>
                <th scope="col" className="num">{t('satisfaction.rate')}</th>
                <th scope="col" className="num">{t('satisfaction.unrated')}</th>
                <th scope="col" className="num">{t('satisfaction.reopen')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.month}:${r.orgId}`}>
                  <td>{r.month}</td>
                  <td>{r.orgName}</td>
                  <td className="num">{r.closed}</td>
                  <td className="num">{r.rated}</td>
                  <td className="num">{r.avgRating ?? '—'}</td>
                  <td className="num">{pct(r.satisfactionPct)}</td>
                  <td className="num">{r.unrated}</td>
                  <td className="num">{pct(r.reopenPct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
