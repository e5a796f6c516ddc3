import { describe, expect, it } from 'vitest';
import { hashPassword, passwordChecksRunning, PASSWORD_CHECKS_AT_ONCE, verifyPassword } from './password.js';

describe('password checks', () => {
  it('hash and verify: the right password passes, a wrong one and no hash fail', async () => {
    const stored = await hashPassword('zhèng-què-de-mì-mǎ');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'zhèng-què-de-mì-mǎ')).toBe(true);
    expect(await verifyPassword(stored, 'wrong')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('runs a burst of logins a few at a time, and every one gets its answer', async () => {
    const stored = await hashPassword('burst');
    let most = 0;
    const burst = Array.from({ length: 8 }, (_, i) => verifyPassword(stored, i % 2 ? 'burst' : 'nope'));
    const watch = setInterval(() => (most = Math.max(most, passwordChecksRunning())), 1);
    const answers = await Promise.all(burst);
    clearInterval(watch);
    expect(answers).toEqual([false, true, false, true, false, true, false, true]);
    expect(PASSWORD_CHECKS_AT_ONCE).toBeGreaterThanOrEqual(1);
    expect(most).toBeGreaterThanOrEqual(1);
    expect(most).toBeLessThanOrEqual(PASSWORD_CHECKS_AT_ONCE);
  });
});
