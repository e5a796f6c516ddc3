import { describe, expect, it } from 'vitest';
import { rateLimit, sessionCacheMs, trustProxy } from './commands.js';

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

describe('LINLI_TRUST_PROXY', () => {
  it('is off unless set; true, a hop count, or the proxies’ addresses', () => {
    expect(trustProxy({})).toBeUndefined();
    expect(trustProxy({ LINLI_TRUST_PROXY: 'false' })).toBeUndefined();
    expect(trustProxy({ LINLI_TRUST_PROXY: 'true' })).toBe(true);
    expect(trustProxy({ LINLI_TRUST_PROXY: '1' })).toBe(1);
    expect(trustProxy({ LINLI_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback' })).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback']);
    expect(() => trustProxy({ LINLI_TRUST_PROXY: 'yes please' })).toThrow(/LINLI_TRUST_PROXY must be/);
  });
});

describe('LINLI_RATE_LIMIT_ANONYMOUS / LINLI_RATE_LIMIT_SESSION / LINLI_RATE_LIMIT_API_KEY', () => {
  it('keeps the server default unless set, and 0 switches a limit off', () => {
    expect(rateLimit({})).toBeUndefined();
    expect(rateLimit({ LINLI_RATE_LIMIT_SESSION: '0' })).toEqual({ anonymousPerMinute: 300, sessionPerMinute: 0, apiKeyPerMinute: 60 });
    expect(rateLimit({ LINLI_RATE_LIMIT_API_KEY: '10' })).toEqual({ anonymousPerMinute: 300, sessionPerMinute: 1200, apiKeyPerMinute: 10 });
    expect(() => rateLimit({ LINLI_RATE_LIMIT_ANONYMOUS: 'lots' })).toThrow(/whole number of requests per minute/);
  });
});
