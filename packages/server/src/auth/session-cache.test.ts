import { describe, expect, it } from 'vitest';
import { decodeAuthChange, encodeAuthChange, SessionCache, type CachedSession } from './session-cache.js';

const now = new Date('2026-11-24T02:00:00Z');
const session = (id: string, expiresAt = new Date('2026-11-24T14:00:00Z')): CachedSession => ({ id, personId: 7, csrfToken: 'c', expiresAt, grants: [] });

describe('SessionCache', () => {
  it('answers from memory until the TTL, then asks again', () => {
    const cache = new SessionCache({ ttlMs: 5000 });
    cache.set(session('a'), 1000);
    expect(cache.get('a', now, 5999)?.id).toBe('a');
    expect(cache.get('a', now, 6000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never answers for an expired session, whatever the TTL', () => {
    const cache = new SessionCache({ ttlMs: 60_000 });
    cache.set(session('a', new Date('2026-11-24T02:00:01Z')), 0);
    expect(cache.get('a', now, 1)?.id).toBe('a');
    expect(cache.get('a', new Date('2026-11-24T02:00:01Z'), 2)).toBeUndefined();
  });

  it('drops one revoked session, or everything when roles changed', () => {
    const cache = new SessionCache({ ttlMs: 60_000 });
    cache.set(session('a'), 0);
    cache.set(session('b'), 0);
    cache.apply({ kind: 'session', sessionId: 'a' });
    expect(cache.get('a', now, 1)).toBeUndefined();
    expect(cache.get('b', now, 1)?.id).toBe('b');
    cache.apply({ kind: 'all' });
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const cache = new SessionCache({ ttlMs: 60_000, maxEntries: 2 });
    cache.set(session('a'), 0);
    cache.set(session('b'), 0);
    cache.set(session('c'), 0);
    expect(cache.size).toBe(2);
    expect(cache.get('a', now, 1)).toBeUndefined();
    expect(cache.get('c', now, 1)?.id).toBe('c');
  });

  it('caches nothing with a TTL of 0, or once disabled', () => {
    const off = new SessionCache({ ttlMs: 0 });
    off.set(session('a'), 0);
    expect(off.enabled).toBe(false);
    expect(off.get('a', now, 0)).toBeUndefined();
    const cache = new SessionCache({ ttlMs: 60_000 });
    cache.set(session('a'), 0);
    cache.disable();
    expect(cache.get('a', now, 1)).toBeUndefined();
    cache.set(session('a'), 2);
    expect(cache.size).toBe(0);
  });

  it('encodes what changed for the other instances and reads it back', () => {
    expect(decodeAuthChange(encodeAuthChange({ kind: 'session', sessionId: 'abc' }))).toEqual({ kind: 'session', sessionId: 'abc' });
    expect(decodeAuthChange(encodeAuthChange({ kind: 'all' }))).toEqual({ kind: 'all' });
    expect(decodeAuthChange('garbage')).toEqual({ kind: 'all' });
  });
});
