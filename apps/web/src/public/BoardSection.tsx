import { api } from '../api/client';
import { useLoad } from '../api/useApi';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { formatBoardValue } from './format';
import type { BoardSection as Section } from './types';

/** One section of the board: its public JSON shown as cards, one per item, phone first. */
export function BoardSection({ section }: { section: Section }) {
  const { pick, lang, t } = useI18n();
  const { data, error, loading, reload } = useLoad(section.source, (signal) => api<{ items: Record<string, unknown>[] }>(section.source, { signal }));
  const headingFormat = section.fields.find((f) => f.field === section.heading)?.format ?? (/^\d{4}-\d{2}$/.test(String(data?.items[0]?.[section.heading] ?? '')) ? 'month' : 'text');
  const titleId = `board-${section.id.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <section className="card board-section" aria-labelledby={titleId}>
      <h2 className="card-title" id={titleId}>
        {pick(section.title)}
      </h2>
      {loading && <Loading />}
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {data && data.items.length === 0 && <p className="page-sub">{pick(section.empty) || t('board.empty')}</p>}
      {data && data.items.length > 0 && (
        <ul className="board-items">
          {data.items.map((item, i) => (
            <li key={i} className="board-item">
              <h3 className="board-item-title">{formatBoardValue(item[section.heading], headingFormat, lang)}</h3>
              <dl className="board-fields">
                {section.fields
                  .filter((f) => f.field !== section.heading && item[f.field] !== undefined && item[f.field] !== null && item[f.field] !== '')
                  .map((f) => (
                    <div key={f.field} className="board-field">
                      <dt>{pick(f.title)}</dt>
                      <dd>{f.format === 'badge' ? <span className="badge badge-progress">{formatBoardValue(item[f.field], f.format, lang)}</span> : formatBoardValue(item[f.field], f.format, lang)}</dd>
                    </div>
                  ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
