import type { Ticket } from '../api/types';

/** What a form knows about where it is filled in: the ticket of the step, the page's parameters, what is typed so far. Widgets read it as RJSF's formContext. */
export interface FormContext {
  ticket?: Ticket;
  params?: Record<string, string>;
  /** The form's own top-level fields as filled in now (`{form.<field>}`). */
  form?: Record<string, unknown>;
}

/**
 * Fills `{ticket.<field>}`, `{param.<name>}` and `{form.<field>}` in a declared
 * source or condition; `encode` for URLs. An unknown placeholder becomes empty.
 */
export function fillContext(template: string, ctx: FormContext | undefined, encode = true): string {
  return template.replace(/\{(ticket|param|form)\.([A-Za-z0-9_]+)\}/g, (_m, scope: string, key: string) => {
    const source = (scope === 'ticket' ? ctx?.ticket : scope === 'form' ? ctx?.form : ctx?.params) as Record<string, unknown> | undefined;
    const v = source?.[key];
    const text = v === undefined || v === null ? '' : String(v);
    return encode ? encodeURIComponent(text) : text;
  });
}

/** A row read by a label template: `{field}` takes the row's field. */
export function fillRow(template: string, row: Record<string, unknown>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, k: string) => {
    const v = row[k];
    return v === undefined || v === null ? '' : String(v);
  }).trim();
}
