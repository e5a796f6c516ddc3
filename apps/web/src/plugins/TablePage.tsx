import { Link } from 'react-router';
import { api } from '../api/client';
import type { WebPage } from '../api/types';
import { useLoad } from '../api/useApi';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { EmptyState, Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { formatCell, pluginUrl, rowHref } from './format';
import { WebActions } from './WebActions';
import { TableFilters } from './TableFilters';
import { WebDownloads } from './WebDownloads';

type Row = Record<string, unknown>;

/** A plugin's table page: rows from its API, columns as declared, each row a link when the page says where rows lead. */
export function TablePage({ plugin, page, params }: { plugin: string; page: Extract<WebPage, { kind: 'table' }>; params: Record<string, string> }) {
  const { t, pick, lang } = useI18n();
  const url = pluginUrl(plugin, page.source, params);
  const data = useLoad(url, (signal) => api<{ items: Row[] }>(url, { signal }));
  // The filters stay above whatever the table shows: a refused month can be changed back.
  const filters = <TableFilters filters={page.filters} params={params} />;
  const actions = (
    <>
      {filters}
      <WebActions plugin={plugin} actions={page.actions} fields={params} onDone={data.reload} />
      <WebDownloads plugin={plugin} downloads={page.downloads} params={params} />
    </>
  );
  if (data.error) {
    return (
      <>
        {filters}
        <ErrorNotice error={data.error} onRetry={data.reload} />
      </>
    );
  }
  if (!data.data) return <Loading />;
  const rows = data.data.items ?? [];
  if (!rows.length) {
    return (
      <>
        {actions}
        <EmptyState title={t('plugin.empty')} />
      </>
    );
  }
  // A column another plugin fills (when the city enables it) is left out when no row has it.
  const columns = page.columns.filter((c) => !c.optional || rows.some((r) => r[c.field] !== undefined));
  const [first, ...rest] = columns;
  const withRowActions = (page.rowActions?.length ?? 0) > 0;

  const cell = (row: Row, c: (typeof columns)[number]) => {
    const text = formatCell(row[c.field], c.format, lang);
    return c.format === 'badge' && text !== '—' ? <span className="badge badge-progress">{text}</span> : text;
  };

  return (
    <>
    {actions}
    <div className="card card-flush">
      <table className="table table-stack table-plugin">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.field} scope="col" className={c.format === 'number' || c.format === 'percent' ? 'num' : undefined}>
                {pick(c.title)}
              </th>
            ))}
            {withRowActions && (
              <th scope="col">
                <span className="visually-hidden">{t('plugin.rowActions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const href = rowHref(page.rowLink, plugin, row);
            return (
              <tr key={String(row.id ?? i)} className={href ? 'row-link' : undefined}>
                {first && (
                  <th scope="row" data-label={pick(first.title)}>
                    {href ? (
                      <Link to={href}>
                        {cell(row, first)}
                        <Icon name="chevronRight" size={14} />
                      </Link>
                    ) : (
                      cell(row, first)
                    )}
                  </th>
                )}
                {rest.map((c) => (
                  <td key={c.field} data-label={pick(c.title)} className={c.format === 'number' || c.format === 'percent' ? 'num' : undefined}>
                    {cell(row, c)}
                  </td>
                ))}
                {withRowActions && (
                  <td className="row-actions-cell">
                    <WebActions plugin={plugin} actions={page.rowActions} fields={row} compact onDone={data.reload} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
    </>
  );
}
