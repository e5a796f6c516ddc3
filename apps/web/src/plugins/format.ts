import type { WebColumn } from '../api/types';
import type { Lang } from '../i18n';
import { formatDate, formatDateTime } from '../lib/time';

/** A plugin table cell as text, by the column's declared format. Always text: React escapes it. */
export function formatCell(value: unknown, format: WebColumn['format'], lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (format) {
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)}%` : String(value);
    case 'date':
      return formatDate(String(value), lang);
    case 'datetime':
      return formatDateTime(String(value), lang);
    default:
      return Array.isArray(value) ? value.join('、') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/**
 * Where a row of a plugin table leads, from its declared `rowLink`:
 * `page:<id>?id={id}` → that page of the same plugin, `ticket:{ticketId}` →
 * the ticket. Placeholders take the row's fields. Anything else leads nowhere.
 */
export function rowHref(rowLink: string | undefined, plugin: string, row: Record<string, unknown>): string | null {
  if (!rowLink) return null;
  const fill = (s: string) =>
    s.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, k: string) => {
      const v = row[k];
      return v === undefined || v === null ? '' : encodeURIComponent(String(v));
    });
  const ticket = /^ticket:(.+)$/.exec(rowLink);
  if (ticket) {
    const id = fill(ticket[1]!);
    return /^[0-9]+$/.test(id) ? `/tickets/${id}` : null;
  }
  const page = /^page:([a-z0-9][a-z0-9_-]*)(\?.*)?$/i.exec(rowLink);
  if (page) return `/p/${encodeURIComponent(plugin)}/${page[1]}${page[2] ? fill(page[2]) : ''}`;
  return null;
}

/** A plugin API path with `{param}`s filled from the page's query string; the result stays under the plugin's prefix. */
export function pluginUrl(plugin: string, path: string, params: Record<string, unknown>): string {
  const filled = path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, k: string) => {
    const v = params[k];
    return v === undefined || v === null ? '' : encodeURIComponent(String(v));
  });
  const rel = filled.startsWith('/') ? filled : `/${filled}`;
  if (rel.split('?')[0]!.split('/').some((seg) => seg === '..' || seg === '.')) throw new Error(`plugin path ${path} leaves the plugin`);
  return `/api/plugins/${encodeURIComponent(plugin)}${rel}`;
}
