import { readFileSync } from 'node:fs';
import { LinliError, type LocalizedText } from '@linli/core';

/**
 * What a new password must be: at least `minLength` characters (NIST SP
 * 800-63B: length, a deny list, no composition rules), not one of the common
 * passwords shipped in packages/server/data/common-passwords.txt, and not the
 * username (in any case, or with it inside). Checked whenever a person sets a
 * password: first setup, reset, change.
 */
export const passwordPolicy = { minLength: 10, maxLength: 256 } as const;

/** Why a password was refused, as a stable word the web app translates. */
export type WeakPasswordReason = 'too-short' | 'too-long' | 'common' | 'username';

let common: Set<string> | undefined;
/** The deny list, read once; `#` lines are comments. src/ and dist/ sit at the same depth, so one path serves both. */
export function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('../../data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

export function weakPasswordReason(password: string, username: string): WeakPasswordReason | null {
  if ([...password].length < passwordPolicy.minLength) return 'too-short';
  if (password.length > passwordPolicy.maxLength) return 'too-long';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'common';
  const name = username.toLowerCase();
  if (name.length >= 3 && (lower.includes(name) || name.includes(lower))) return 'username';
  return null;
}

const explain: Record<WeakPasswordReason, LocalizedText> = {
  'too-short': { en: `use at least ${passwordPolicy.minLength} characters (a short sentence is easy to remember)`, 'zh-CN': `至少 ${passwordPolicy.minLength} 个字符（一句好记的短句即可）` },
  'too-long': { en: `use at most ${passwordPolicy.maxLength} characters`, 'zh-CN': `最多 ${passwordPolicy.maxLength} 个字符` },
  common: { en: 'it is on the list of commonly used passwords; choose another', 'zh-CN': '这是常见密码，容易被猜到，请换一个' },
  username: { en: 'it contains the username; choose another', 'zh-CN': '密码不能包含用户名' },
};

/** Throws LINLI_ERR_WEAK_PASSWORD (422) naming the reason in `details[0].expected`. */
export function assertStrongPassword(password: string, username: string, path = '/body/password'): void {
  const reason = weakPasswordReason(password, username);
  if (reason) throw new LinliError('LINLI_ERR_WEAK_PASSWORD', [explain[reason]], [{ path, message: explain[reason].en!, localized: explain[reason], expected: reason }]);
}
