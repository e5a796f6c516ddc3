import { describe, expect, it } from 'vitest';
import { requireActor } from './request.js';

describe('requireActor', () => {
  it('returns the actor the policy layer attached', () => {
    const actor = { personId: '7', grants: [] };
    expect(requireActor({ actor })).toBe(actor);
  });

  it('answers 401 LINLI_ERR_UNAUTHENTICATED on an anonymous request', () => {
    for (const req of [{ actor: null }, {}]) {
      expect(() => requireActor(req)).toThrow(expect.objectContaining({ code: 'LINLI_ERR_UNAUTHENTICATED', statusCode: 401 }));
    }
  });
});
