import type { Locale, LocalizedText } from '../i18n.js';

/** The wording of one notice kind: a title (e-mail subject, inbox line) and a body, with `{variable}` placeholders. */
export interface NoticeTemplate {
  title: LocalizedText;
  body: LocalizedText;
}

/**
 * One kind of notice: its variables (the only placeholders its templates may
 * use) and its wording in zh-CN and en. The core declares the ticket kinds;
 * plugins declare theirs as data (`LinliPlugin.notices`).
 */
export interface NoticeKindDefinition {
  /** `ticket.overdue`, or `<plugin>.<name>` for a plugin's kind. */
  id: string;
  /** What a person sees in their preferences. */
  label: LocalizedText;
  vars: readonly string[];
  template: NoticeTemplate;
  /** Channels that reach a person who has not chosen, unless the city's `notifications.defaults` says otherwise. */
  defaultChannels?: readonly ('email' | 'sms' | 'wecom')[];
}

const placeholder = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The variables a text uses. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(placeholder)].map((m) => m[1]!);
}

/** A variable's value: text, a number, or text in each language (a state's title). */
export type NoticeVar = string | number | LocalizedText;
export type NoticeVars = Readonly<Record<string, NoticeVar>>;

/** The variables in one language. */
export function varsIn(vars: NoticeVars, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) out[k] = typeof v === 'object' ? ((locale === 'en' ? v.en : undefined) ?? v['zh-CN']) : String(v);
  return out;
}

/** The text with each `{name}` replaced; an unknown name stays visible rather than silently vanishing (start refuses such templates anyway). */
export function fillTemplate(text: string, vars: Readonly<Record<string, string | number>>): string {
  return text.replace(placeholder, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The title and body of a notice in one language (English falls back to Chinese where a text has no English). */
export function renderNotice(t: NoticeTemplate, vars: NoticeVars, locale: Locale): { title: string; body: string } {
  const pick = (x: LocalizedText) => (locale === 'en' && x.en ? x.en : x['zh-CN']);
  const v = varsIn(vars, locale);
  return { title: fillTemplate(pick(t.title), v), body: fillTemplate(pick(t.body), v) };
}

/**
 * The longest text one SMS may carry (a single 70-character segment for
 * Chinese text; the signature 【…】 counts too). Aliyun and Tencent also
 * limit each template variable to 35 characters.
 */
export const smsLimits = { text: 70, variable: 35 } as const;

/** Cuts a variable to the provider's limit, marking the cut. */
export function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/** The variables as an SMS provider's template parameters: text, each within the provider's limit. */
export function smsParams(vars: NoticeVars, locale: Locale): Record<string, string> {
  const out = varsIn(vars, locale);
  for (const k of Object.keys(out)) out[k] = clip(out[k]!, smsLimits.variable);
  return out;
}

/**
 * The SMS text of a notice: `【sign】body`, with the variables clipped so the
 * whole stays within one segment (the longest variable is shortened first).
 */
export function smsText(t: NoticeTemplate, vars: NoticeVars, locale: Locale, signName: string): string {
  const clipped = smsParams(vars, locale);
  const text = () => `【${signName}】${renderNotice(t, clipped, locale).body}`;
  for (let guard = 0; [...text()].length > smsLimits.text && guard < 200; guard++) {
    const longest = Object.keys(clipped).sort((a, b) => [...clipped[b]!].length - [...clipped[a]!].length)[0];
    if (!longest || [...clipped[longest]!].length <= 2) break;
    clipped[longest] = clip(clipped[longest]!, [...clipped[longest]!].length - 1);
  }
  return text();
}

/**
 * Problems with a template: a placeholder that is not one of the kind's
 * variables, a missing language, or an SMS body whose fixed text leaves no
 * room for its variables in one segment.
 */
export function templateIssues(kind: string, vars: readonly string[], t: NoticeTemplate): { where: string; message: string; expected: string }[] {
  const issues: { where: string; message: string; expected: string }[] = [];
  for (const part of ['title', 'body'] as const) {
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = t[part][lang];
      if (text === undefined) {
        issues.push({ where: `${part}/${lang}`, message: `notice "${kind}" has no ${lang} ${part}`, expected: 'a text in zh-CN and en' });
        continue;
      }
      for (const name of placeholders(text)) {
        if (!vars.includes(name)) issues.push({ where: `${part}/${lang}`, message: `notice "${kind}" uses the unknown variable {${name}}`, expected: `one of ${vars.map((v) => `{${v}}`).join(', ') || '(no variables)'}` });
      }
    }
  }
  const fixed = [...(t.body['zh-CN'] ?? '').replace(placeholder, '')].length;
  if (fixed > smsLimits.text - 20) issues.push({ where: 'body/zh-CN', message: `the body of "${kind}" has ${fixed} characters besides its variables; an SMS holds ${smsLimits.text} with the signature`, expected: `at most ${smsLimits.text - 20} characters of fixed text` });
  return issues;
}
