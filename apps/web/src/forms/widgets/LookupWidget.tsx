import type { LookupOptions } from '@linli/sdk';
import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useLoad } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { fillContext, fillRow, type FormContext } from '../context';

type Row = Record<string, unknown>;

/**
 * `'ui:widget': 'lookup'` (the SDK's `lookup()`): an id field chosen by name
 * from a declared source, filtered by the ticket or page it is filled in
 * for (or by another field of the form, `{form.<field>}`); the only choice
 * left is chosen already. Nobody types an internal number.
 * On an array field (`type: 'array'` of ids) it is a list of boxes to tick:
 * several people picked by name, up to the schema's `maxItems`.
 */
export function LookupWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, disabled, readonly, required, options, registry } = props;
  const { t } = useI18n();
  const o = options as unknown as LookupOptions;
  const ctx = registry.formContext as FormContext | undefined;
  const source = fillContext(o.source, ctx);
  const safe = source.startsWith('/api/') && !source.split('?')[0]!.split('/').includes('..');
  const list = useLoad(safe ? `lookup:${source}` : null, (signal) => api<{ items: Row[] }>(source, { signal }));
  const [query, setQuery] = useState('');
  const valueField = o.value ?? 'id';
  // A condition whose placeholder is empty (the form opened from the menu, not from a row) imposes nothing.
  const where = Object.entries(o.where ?? {})
    .map(([k, v]) => [k, fillContext(v, ctx, false)] as const)
    .filter(([, v]) => v !== '');
  const items = (list.data?.items ?? []).filter((row) => where.every(([k, v]) => String(row[k] ?? '') === v));
  const label = (row: Row) => fillRow(o.label ?? '{title}', row) || String(row[valueField]);
  const only = items.length === 1 ? String(items[0]![valueField]) : null;

  const multiple = props.schema.type === 'array';
  useEffect(() => {
    if (!multiple && only && (value === undefined || value === '')) onChange(only);
  }, [multiple, only, value, onChange]);

  const shown = query ? items.filter((row) => label(row).includes(query.trim())) : items;
  const search = o.search && items.length > 6 && (
    <input type="search" className="lookup-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('form.search')} aria-label={t('form.search')} />
  );
  if (multiple) {
    const picked = Array.isArray(value) ? (value as unknown[]).map(String) : [];
    // The lookup's own `max` (a vote's seats, say) can only lower the schema's maxItems.
    const declared = o.max ? Number(fillContext(o.max, ctx, false)) : NaN;
    const limit = Math.min(props.schema.maxItems ?? Infinity, Number.isInteger(declared) && declared > 0 ? declared : Infinity);
    const full = picked.length >= limit;
    const toggle = (v: string, on: boolean) => {
      const next = on ? [...picked, v] : picked.filter((p) => p !== v);
      onChange(next.length ? next : undefined);
    };
    return (
      <>
        {search}
        <div id={id} className="checkboxes lookup-checks" role="group" aria-describedby={ariaDescribedByIds(id)}>
          {list.loading && <p className="muted">{t('common.loading')}</p>}
          {!list.loading && !items.length && <p className="muted">{t('form.noChoices')}</p>}
          {shown.map((row) => {
            const v = String(row[valueField]);
            const on = picked.includes(v);
            return (
              <div className="checkbox" key={v}>
                <label>
                  <input type="checkbox" checked={on} disabled={disabled || readonly || (full && !on)} onChange={(e) => toggle(v, e.target.checked)} onBlur={() => onBlur(id, value)} />
                  <span>{label(row)}</span>
                </label>
              </div>
            );
          })}
        </div>
      </>
    );
  }
  const current = typeof value === 'string' ? value : '';
  return (
    <>
      {search}
      <select id={id} value={current} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} onBlur={() => onBlur(id, value)} required={required} disabled={disabled || readonly} aria-describedby={ariaDescribedByIds(id)}>
        <option value="">{list.loading ? t('common.loading') : items.length ? t('common.choose') : t('form.noChoices')}</option>
        {shown.map((row) => (
          <option key={String(row[valueField])} value={String(row[valueField])}>
            {label(row)}
          </option>
        ))}
        {current && !items.some((row) => String(row[valueField]) === current) && <option value={current}>{current}</option>}
      </select>
    </>
  );
}
