import { describe, expect, it } from 'vitest';
import { responseRecord } from './schemas.js';

describe('responseRecord', () => {
  it('lists every field as required, with plain, nullable and whole-schema types', () => {
    expect(responseRecord({ id: 'string', note: ['string', 'null'], tags: { type: 'array', items: { type: 'string' } } })).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, note: { type: ['string', 'null'] }, tags: { type: 'array', items: { type: 'string' } } },
      required: ['id', 'note', 'tags'],
    });
  });
});
