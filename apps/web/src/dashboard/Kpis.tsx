import type { Figures } from '../api/types';
import { useI18n } from '../i18n';

/** The headline numbers: how many, how many open, overdue, closed, how fast, how many in time. */
export function Kpis({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  const none = '—';
  // Hours up to two days, then days: "551 小时" says less than "23 天".
  const duration = (h: number | null) =>
    h === null ? { value: none } : h < 48 ? { value: String(h), note: t('dashboard.hours') } : { value: String(Math.round((h / 24) * 10) / 10), note: t('dashboard.days') };
  const items: { key: string; value: string; tone?: string; note?: string }[] = [
    { key: 'total', value: String(figures.total) },
    { key: 'open', value: String(figures.open) },
    { key: 'overdue', value: String(figures.overdue), tone: figures.overdue ? 'kpi-alert' : undefined },
    { key: 'closed', value: String(figures.closed) },
    { key: 'avgHours', ...duration(figures.avgHoursToClose) },
    { key: 'inTime', value: figures.closedInTimePct === null ? none : `${figures.closedInTimePct}%`, tone: figures.closedInTimePct !== null && figures.closedInTimePct < 80 ? 'kpi-warn' : 'kpi-good' },
  ];
  return (
    <dl className="kpis">
      {items.map((i) => (
        <div key={i.key} className={`kpi ${i.tone ?? ''}`}>
          <dt>{t(`dashboard.kpi.${i.key}`)}</dt>
          <dd>
            {i.value}
            {i.note && <span className="kpi-note">{i.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
