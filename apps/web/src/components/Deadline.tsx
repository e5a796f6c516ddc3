import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { formatDateTime, timeLeft } from '../lib/time';
import { Icon } from './Icon';

/** Re-renders every minute so "time left" stays true while the page is open. */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** The deadline as time left, or how long overdue in red; closed tickets show none. */
export function Deadline({ deadline, closed, long }: { deadline: string | null; closed?: boolean; long?: boolean }) {
  const { t, lang } = useI18n();
  const now = useNow();
  if (closed || !deadline) return null;
  const left = timeLeft(new Date(deadline), now);
  const span = t(`time.${left.unit}`, { count: left.amount });
  const chip = (
    <span className={`deadline ${left.overdue ? 'deadline-overdue' : left.unit !== 'day' ? 'deadline-soon' : ''}`} title={formatDateTime(deadline, lang)}>
      <Icon name={left.overdue ? 'alert' : 'clock'} size={15} />
      {left.overdue ? t('deadline.overdue', { span }) : t('deadline.left', { span })}
    </span>
  );
  if (!long) return chip;
  return (
    <span className="deadline-long">
      {chip}
      <span className="deadline-at">{formatDateTime(deadline, lang)}</span>
    </span>
  );
}
