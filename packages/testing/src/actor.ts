import type { RoleGrant } from '@linli/core';
import type { Actor } from '@linli/sdk';
import { mintActor } from '@linli/server';

/** One role for a test actor: where it is held, and what it covers (that org, unless given). */
export interface TestGrant {
  role: string;
  orgPath: string;
  orgId?: string;
  scopePaths?: string[];
  /** Whether the role shows the tickets in its scope (staff), or only the holder's own (residents). Default true. */
  seesScope?: boolean;
  admin?: boolean;
}

/**
 * An actor minted by the server's own minting function, for unit tests of a
 * plugin's permission predicates without a database. Plugins cannot make one
 * outside tests: @linli/testing is a dev dependency, and the layer rules let
 * plugin sources import only @linli/sdk.
 *
 * @example
 * const secretary = testActor([{ role: 'community_secretary', orgPath: '/1/2/' }]);
 * expect(canVerify(secretary, '/1/2/3/')).toBe(true);
 */
export function testActor(grants: readonly TestGrant[], personId = '9'): Actor {
  return mintActor({
    personId,
    grants: grants.map(
      (g, i): RoleGrant => ({ id: String(i + 1), role: g.role, orgId: g.orgId ?? '0', orgPath: g.orgPath, scopePaths: g.scopePaths ?? [g.orgPath], seesScope: g.seesScope ?? true, admin: g.admin ?? false }),
    ),
  });
}
