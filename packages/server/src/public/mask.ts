import { personNamesIn } from '@linli/db';
import type { Kysely } from 'kysely';

/**
 * The last check every public answer passes before it is sent: whatever a
 * loader read, free text written by staff may still hold a phone number, an
 * ID-card number or a resident's name. Each string is masked here — numbers
 * by their shape, names by looking up every account holder's name in the
 * answer's text — so a public page cannot show them even when a plugin's
 * data does.
 */

// 18-digit resident ID numbers (last character may be X) and mainland mobile numbers, not inside longer digit runs.
const idCard = /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])/g;
const mobile = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;

export function maskNumbers(s: string): string {
  return s.replace(idCard, (m) => `${m.slice(0, 3)}${'*'.repeat(11)}${m.slice(-4)}`).replace(mobile, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`);
}

/** Every string in a JSON value, depth first. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value instanceof Date) return value;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

/** `value` with phone and ID-card numbers and the names of account holders masked in every string (王丽 → 王*). */
export async function maskPublic<T>(db: Kysely<any>, value: T): Promise<T> {
  const text = strings(value).join('\n');
  const names = await personNamesIn(db, text);
  const nameRe = names.length ? new RegExp(names.map(escapeRegExp).join('|'), 'g') : null;
  return mapStrings(value, (s) => {
    const masked = maskNumbers(s);
    return nameRe ? masked.replace(nameRe, (n) => `${[...n][0]}${'*'.repeat([...n].length - 1)}`) : masked;
  }) as T;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
