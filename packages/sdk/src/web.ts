import type { LocalizedText } from '@linli/core';

/**
 * What the staff web app's declared pages and forms can say beyond columns
 * and sources: links with actions, who sees what, and pickers that show
 * names. Data only — the app renders it with its own components, so a
 * plugin ships no browser code.
 */

/**
 * A button on a page or on each row of a table page, leading to another page
 * of the plugin (`page:<id>?id={id}`) or a ticket (`ticket:{ticketId}`).
 * On a row, `{field}` takes the row's fields (a form opened this way gets
 * them as its parameters); on a page, the page's own parameters.
 */
export interface WebAction {
  title: LocalizedText;
  /**
   * Where it leads: `page:<id>?x={field}` (a page of this plugin, a form
   * opened with the fields), `ticket:{ticketId}`, or `post:/path/{field}` — a
   * request to one of the plugin's routes (POST, empty body) made at once
   * after the person confirms `confirm`; the page reloads, and a refusal is
   * shown as the route words it.
   */
  to: string;
  /** For a `post:` action: the question asked first (移出队伍？). */
  confirm?: LocalizedText;
  /** Shown only to people holding one of these roles (anywhere). */
  roles?: string[];
  /** Shown only when the row's (or page's) field has one of these values, e.g. `{ status: ['scheduled', 'held'] }`. */
  when?: Record<string, string[]>;
}

/**
 * A file a table or html page offers to download (an export for a
 * spreadsheet): a GET route of the plugin answering the file, `{param}`s
 * filled from the page's parameters. The app shows it as a download link
 * above the page; the route still checks who asks.
 *
 * @example
 * downloads: [{ title: { 'zh-CN': '导出 CSV', en: 'Export CSV' }, source: '/compliance.csv?orgId={orgId}' }]
 */
export interface WebDownload {
  title: LocalizedText;
  source: string;
  /** Shown only to people holding one of these roles (anywhere). */
  roles?: string[];
}

/**
 * A control above a table page that sets one of its parameters (`{month}`
 * in its source and downloads): the page reloads with the choice, and the
 * address keeps it (a link or a reload shows the same rows). Empty means the
 * route's own default (this month, the person's whole scope).
 *
 * @example
 * filters: [{ param: 'month', kind: 'month', title: { 'zh-CN': '月份', en: 'Month' } }]
 */
export interface WebFilter {
  param: string;
  title: LocalizedText;
  /** month: a month picker (`2026-12`). */
  kind: 'month';
  /** What clearing the choice means ("近三个月"); without it the clear button reads 全部 / All. */
  emptyLabel?: LocalizedText;
}

/** Per-role visibility of a page, widget or menu entry: absent means everyone signed in. */
export interface WebVisibility {
  /** Shown only to people holding one of these roles (anywhere). */
  roles?: string[];
  /**
   * Shown only to staff: people holding a role that works a scope, not only
   * their own requests (residents, volunteers). For ledgers and lists a
   * resident could open but that are never theirs to use.
   */
  staffOnly?: boolean;
}

/**
 * A page offered on a resident's portal (我的), beside 我要反映: the things a
 * resident does in a practice (book a studio, see their bookings) reached
 * from their home screen rather than the 更多 menu. Shown only to people the
 * page's `roles` admit; the page stays in the menu too.
 */
export interface WebPortal {
  portal?: boolean;
}

/**
 * A picker that shows names for a field that holds an id
 * (`'ui:widget': 'lookup'`): its choices come from a GET route answering
 * `{ items: [...] }` (the server scopes them to the person), each shown by
 * `label` and stored by `value`. `{ticket.<field>}` in `source` and `where`
 * is the ticket the step belongs to, `{param.<name>}` the page's parameter,
 * `{form.<field>}` a top-level field of the same form as filled in now.
 * When only one choice is left it is chosen already. On an array field
 * (`{ type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems }`)
 * it is a list of boxes: several picked by name, at most `maxItems`.
 *
 * @example
 * uiSchema: { meetingId: lookup({ source: '/api/plugins/three-linked-office/agenda', value: 'meetingId', label: '{meetingDate} {compoundName}', where: { ticketId: '{ticket.id}' } }) }
 */
export interface LookupOptions {
  /** An API path (`/api/…`), placeholders allowed. */
  source: string;
  /** The item field stored in the form (default `id`). */
  value?: string;
  /** How an item reads, with `{field}` placeholders (default `{title}`). */
  label?: string;
  /** Keep only items whose fields equal these (placeholders allowed; one that fills in empty imposes nothing). */
  where?: Record<string, string>;
  /** Show a search box above the choices (long lists). */
  search?: boolean;
  /**
   * On an array field: at most this many ticked, a number or a placeholder
   * (`{param.seats}`) — below the schema's `maxItems`, which still holds.
   * Empty or not a positive number: `maxItems` alone.
   */
  max?: string;
}

/** The uiSchema of a field picked by name from a declared source; see LookupOptions. */
export function lookup(options: LookupOptions): { 'ui:widget': 'lookup'; 'ui:options': LookupOptions } {
  return { 'ui:widget': 'lookup', 'ui:options': options };
}

/**
 * The uiSchema of an org field narrowed to org types (`['department']`,
 * `['property_company']`), searchable; `near: true` lists only the ones
 * attached to the ticket's place or above it (a compound's property company).
 * When only one org is left it is chosen already.
 */
export function orgPicker(options: { types?: string[]; kind?: 'side' | 'level'; near?: boolean; search?: boolean }): { 'ui:widget': 'org'; 'ui:options': typeof options } {
  return { 'ui:widget': 'org', 'ui:options': options };
}

/**
 * A money field: the form shows and takes yuan (¥48.50), the data holds
 * integer fen (4850), so sums stay exact. Use on `{ type: 'integer' }`.
 */
export const money = { 'ui:widget': 'money' } as const;
