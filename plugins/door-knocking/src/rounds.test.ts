import { describe, expect, it } from 'vitest';
import { previousRound, roundById, roundOf } from './rounds.js';

const at = (s: string) => new Date(s);

describe('visiting rounds', () => {
  it('splits a month in halves by local date (UTC+8)', () => {
    // 2026-11-15 23:30 in the city is still the first half; 2026-11-16 00:30 is the second.
    expect(roundOf(at('2026-11-15T15:30:00Z'), 8, 2).id).toBe('2026-11-r1');
    expect(roundOf(at('2026-11-15T16:30:00Z'), 8, 2).id).toBe('2026-11-r2');
    const r = roundOf(at('2026-11-24T01:00:00Z'), 8, 2);
    expect(r).toEqual({
      id: '2026-11-r2',
      title: { 'zh-CN': '2026年11月下半月', en: 'Nov 2026, 2nd half' },
      start: at('2026-11-15T16:00:00Z'),
      end: at('2026-11-30T16:00:00Z'),
    });
  });

  it('handles short months, year ends and other round counts', () => {
    expect(roundOf(at('2027-02-14T12:00:00Z'), 8, 2)).toMatchObject({ id: '2027-02-r1', end: at('2027-02-14T16:00:00Z') });
    expect(roundOf(at('2026-12-31T17:00:00Z'), 8, 2).id).toBe('2027-01-r1');
    expect(roundOf(at('2026-12-20T00:00:00Z'), 8, 2).end).toEqual(at('2026-12-31T16:00:00Z'));
    expect(roundOf(at('2026-11-24T01:00:00Z'), 8, 1)).toMatchObject({ id: '2026-11-r1', title: { 'zh-CN': '2026年11月' } });
    expect(roundOf(at('2026-11-12T01:00:00Z'), 8, 3)).toMatchObject({ id: '2026-11-r2', title: { 'zh-CN': '2026年11月中旬' } });
    expect(roundOf(at('2026-11-30T01:00:00Z'), 8, 4)).toMatchObject({ id: '2026-11-r4', title: { 'zh-CN': '2026年11月第4轮' } });
  });

  it('finds a round by id, and the one before', () => {
    expect(roundById('2026-11-r2', 8, 2)).toEqual(roundOf(at('2026-11-20T00:00:00Z'), 8, 2));
    expect(roundById('2026-11-r3', 8, 2)).toBeNull();
    expect(roundById('2026-13-r1', 8, 2)).toBeNull();
    expect(roundById('nonsense', 8, 2)).toBeNull();
    expect(previousRound(roundById('2026-01-r1', 8, 2)!, 8, 2).id).toBe('2025-12-r2');
  });
});
