import { describe, expect, it } from 'vitest';
import { detailsToErrorSchema } from './errors';

describe('detailsToErrorSchema', () => {
  it('puts each server message at the field its path names', () => {
    expect(
      detailsToErrorSchema([
        { path: '/title', message: 'must NOT have fewer than 2 characters' },
        { path: '/title', message: 'is invalid' },
        { path: '/photos/0', message: 'must match pattern' },
        { path: '/', message: 'is not a known field' },
      ]),
    ).toEqual({
      __errors: ['is not a known field'],
      title: { __errors: ['must NOT have fewer than 2 characters', 'is invalid'] },
      photos: { 0: { __errors: ['must match pattern'] } },
    });
  });
  it('strips the request-body prefix and translates messages', () => {
    expect(detailsToErrorSchema([{ path: '/body/data/description', message: 'is required' }], (m) => (m === 'is required' ? '必填' : m))).toEqual({
      description: { __errors: ['必填'] },
    });
  });
});
