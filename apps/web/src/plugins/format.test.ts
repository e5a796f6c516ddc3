import { describe, expect, it } from 'vitest';
import { formatCell, pluginUrl, rowHref } from './format';

describe('plugin page helpers', () => {
  it('fills a row link to another page of the plugin or to a ticket', () => {
    expect(rowHref('page:office-meetings?id={id}', 'three-linked-office', { id: 3 })).toBe('/p/three-linked-office/office-meetings?id=3');
    expect(rowHref('page:decide?meeting={meetingId}&problem={ticketId}', 'tlo', { meetingId: '4', ticketId: '12' })).toBe('/p/tlo/decide?meeting=4&problem=12');
    expect(rowHref('ticket:{ticketId}', 'tlo', { ticketId: '12' })).toBe('/tickets/12');
    expect(rowHref('ticket:{ticketId}', 'tlo', { ticketId: '../x' })).toBeNull();
    expect(rowHref('javascript:alert(1)', 'tlo', {})).toBeNull();
    expect(rowHref(undefined, 'tlo', {})).toBeNull();
  });
  it('escapes values put into placeholders and keeps paths under the plugin prefix', () => {
    expect(pluginUrl('tlo', '/offices/{id}/meetings', { id: '1/../../admin' })).toBe('/api/plugins/tlo/offices/1%2F..%2F..%2Fadmin/meetings');
    expect(pluginUrl('tlo', '/stats?orgId={orgId}', { orgId: '10' })).toBe('/api/plugins/tlo/stats?orgId=10');
    expect(() => pluginUrl('tlo', '/../../auth/login', {})).toThrow();
  });
  it('formats cells by their declared format', () => {
    expect(formatCell(1234, 'number', 'en')).toBe('1,234');
    expect(formatCell(95.25, 'percent', 'en')).toBe('95.3%');
    expect(formatCell(null, 'text', 'en')).toBe('—');
    expect(formatCell('2026-11-25', 'date', 'zh-CN')).toBe('2026/11/25');
  });
});
