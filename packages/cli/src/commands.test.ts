import { describe, expect, it } from 'vitest';
import { sessionCacheMs } from './commands.js';

describe('LINLI_SESSION_CACHE_MS', () => {
  it('is the server default when unset, a number of ms when set, 0 to switch the cache off', () => {
    expect(sessionCacheMs({})).toBeUndefined();
    expect(sessionCacheMs({ LINLI_SESSION_CACHE_MS: '' })).toBeUndefined();
    expect(sessionCacheMs({ LINLI_SESSION_CACHE_MS: '0' })).toBe(0);
    expect(sessionCacheMs({ LINLI_SESSION_CACHE_MS: '2000' })).toBe(2000);
  });
  it('refuses what is not a whole number of milliseconds, saying what it expects', () => {
    for (const v of ['-1', '1.5', 'five', '99999999']) {
      expect(() => sessionCacheMs({ LINLI_SESSION_CACHE_MS: v })).toThrow(/whole number of milliseconds from 0 to 3600000/);
    }
  });
});
