import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fail } from './errors.js';
import { escapeHtml, renderMinutes } from './minutes.js';
import { addDays, addMonths, instant, isoWeekday, localDate, onOrAfter } from './time.js';

describe('local dates', () => {
  it('reads the date and weekday in the city, not on the server', () => {
    // 2026-11-24 17:00 UTC is already Wednesday the 25th in Tianchang.
    expect(localDate(new Date('2026-11-24T17:00:00Z'), 8)).toBe('2026-11-25');
    expect(isoWeekday('2026-11-25')).toBe(3);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(onOrAfter('2026-11-24', 3)).toBe('2026-11-25');
    expect(onOrAfter('2026-11-25', 3)).toBe('2026-11-25');
    expect(onOrAfter('2026-11-26', 3)).toBe('2026-12-02');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(instant('2026-11-25', '15:00', 8).toISOString()).toBe('2026-11-25T07:00:00.000Z');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
  });
});

describe('minutes', () => {
  it('escapes every interpolated text', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
    const org = (name: string) => ({ id: '1', key: 'k', name, path: '/1/' });
    const html = renderMinutes({
      meeting: {
        id: '1', officeId: '1', compoundOrgId: '1', compoundName: '<i>河畔</i>', title: '<i>河畔</i>三联办2026年11月25日会商', date: '2026-11-25', time: '15:00',
        scheduledAt: '', place: '<script>x</script>', note: '</p><script>y</script>', status: 'held', statusTitle: '已召开', quorum: true, absent: '', agendaItems: 1, decided: 1, heldAt: null, closedAt: null,
      },
      office: { id: '1', meetingWeekday: 3, meetingTime: '15:00', place: null, representatives: {}, compound: org('<i>河畔</i>'), parties: { residentsCommittee: org('居委会<b>'), propertyCompany: org('物业'), ownersCommittee: org('业委会') }, partyCommittee: null },
      attendance: new Map([['residentsCommittee', { present: true, attendees: '<u>王丽</u>' }]]),
      agenda: [],
      generatedAt: '2026-11-25 16:00',
      offsetHours: 8,
    });
    expect(html).not.toMatch(/<(script|i|b|u)>/);
    expect(html).toContain('&lt;script&gt;y&lt;/script&gt;');
    expect(html).toContain('&lt;u&gt;王丽&lt;/u&gt;');
  });
});

describe('error codes', () => {
  it('are all documented in the README with their status', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const [code, { status }] of Object.entries(fail.table)) {
      expect(readme, code).toMatch(new RegExp(`\\| \`${code}\` \\| ${status} \\|`));
    }
  });
});
