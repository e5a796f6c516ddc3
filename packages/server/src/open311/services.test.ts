import type { FormDefinition, WorkflowDefinition } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { formDataFrom } from './form-data.js';
import { w3cDate, parseW3cDate, splitFormat } from './format.js';
import { attributesOf, isPublicIntake } from './services.js';

const form: FormDefinition = {
  id: 'x.intake',
  title: { 'zh-CN': '报事' },
  schema: {
    type: 'object',
    properties: {
      title: { type: 'string', title: '标题', maxLength: 20 },
      description: { type: 'string', title: '描述' },
      location: { type: 'string', title: '位置' },
      kind: { type: 'string', title: '类别', enum: ['a', 'b'] },
      tags: { type: 'array', title: '标签', items: { type: 'string', enum: ['x', 'y'] } },
      households: { type: 'integer', title: '户数' },
      when: { type: 'string', title: '时间', format: 'date-time' },
      story: { type: 'string', title: '经过', maxLength: 2000 },
      urgent: { type: 'boolean', title: '紧急' },
      photos: { type: 'array', items: { type: 'string', pattern: '^[0-9]+$' } },
      contactPhone: { type: 'string', pattern: '^1[0-9]{10}$', 'x-linli-sensitive': true },
    },
    required: ['title', 'kind', 'households'],
  },
  uiSchema: { 'ui:order': ['title', 'kind', 'households', 'when', 'story', 'tags', 'urgent'] },
};
const wf = { id: 'x', title: { 'zh-CN': '报事' }, intakeForm: 'x.intake', titleField: 'title', create: [{ role: 'resident', scope: 'ancestor' }] } as unknown as WorkflowDefinition;

describe('Open311 services from workflows', () => {
  it('is a service when a resident may file it', () => {
    expect(isPublicIntake(wf)).toBe(true);
    expect(isPublicIntake({ ...wf, create: [{ role: 'grid_worker', scope: 'ancestor' }] } as WorkflowDefinition)).toBe(false);
  });

  it('maps form fields to the spec’s datatypes in the form’s order, leaving out what the spec’s fields fill and what a client cannot send', () => {
    expect(attributesOf(wf, form).map((a) => [a.code, a.datatype, a.required, a.order])).toEqual([
      ['kind', 'singlevaluelist', true, 1],
      ['households', 'number', true, 2],
      ['when', 'datetime', false, 3],
      ['story', 'text', false, 4],
      ['tags', 'multivaluelist', false, 5],
      ['urgent', 'singlevaluelist', false, 6],
    ]);
    expect(attributesOf(wf, form)[0]!.values).toEqual([{ key: 'a', name: 'a' }, { key: 'b', name: 'b' }]);
  });

  it('fills the form from a POST: attributes typed, description into title and description, address and phone', () => {
    const data = formDataFrom(wf, form, { service_code: 'x', description: '楼道灯坏了整整一个星期了，晚上上下楼很危险', address_string: '3栋2单元', phone: '13912345678', 'attribute[kind]': 'a', 'attribute[households]': '12', 'attribute[tags][]': ['x', 'y'], 'attribute[urgent]': 'true' });
    expect(data).toEqual({ kind: 'a', households: 12, tags: ['x', 'y'], urgent: true, description: '楼道灯坏了整整一个星期了，晚上上下楼很危险', title: '楼道灯坏了整整一个星期了，晚上上下楼很危险'.slice(0, 20), location: '3栋2单元', contactPhone: '13912345678' });
    expect(() => formDataFrom(wf, form, { service_code: 'x', 'attribute[photos]': '1' })).toThrow(/not an attribute/);
  });
});

describe('GeoReport formats', () => {
  it('writes W3C dates with the city’s offset and reads them with any offset', () => {
    expect(w3cDate(new Date('2026-12-05T01:30:00Z'), 8)).toBe('2026-12-05T09:30:00+08:00');
    expect(w3cDate(new Date('2026-12-05T01:30:00Z'), -5.5)).toBe('2026-12-04T20:00:00-05:30');
    expect(parseW3cDate('2026-12-05T09:30:00+08:00')?.toISOString()).toBe('2026-12-05T01:30:00.000Z');
    expect(parseW3cDate('2026-12-05')).toBeNull();
    expect(splitFormat('red-property.complaint.xml')).toEqual({ id: 'red-property.complaint', format: 'xml' });
    expect(splitFormat('grid-request')).toBeNull();
  });
});
