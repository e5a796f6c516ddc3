import type { WebFilter } from '@linli/sdk';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n';

/**
 * A table page's declared filters: each sets one page parameter in the
 * address, so the table (and its downloads) reload with it and a link keeps
 * it. Empty leaves the parameter out: the route's default applies.
 */
export function TableFilters({ filters, params }: { filters: WebFilter[] | undefined; params: Record<string, string> }) {
  const { t, pick } = useI18n();
  const [, setSearch] = useSearchParams();
  if (!filters?.length) return null;
  const set = (param: string, value: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(param, value);
        else next.delete(param);
        return next;
      },
      { replace: true },
    );
  return (
    <div className="card table-filters" role="search">
      {filters.map((f) => {
        const id = `filter-${f.param}`;
        const value = params[f.param] ?? '';
        const empty = f.emptyLabel ? pick(f.emptyLabel) : t('common.all');
        return (
          <div className="field" key={f.param}>
            <label htmlFor={id}>{pick(f.title)}</label>
            {f.kind === 'month' && (
              <div className="table-filter-month">
                <input id={id} type="month" value={value} onChange={(e) => set(f.param, e.target.value)} />
                {value && (
                  <button type="button" className="link-btn" onClick={() => set(f.param, '')}>
                    {empty}
                  </button>
                )}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
