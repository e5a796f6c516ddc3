import type { Actor as CoreActor } from '@linli/core';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canSeeTicket, holdsRoleAt, holdsRoleWithin, isAdminAt, orgIdsWithRole, personIdOf, seesPath, seesWithin, visiblePaths, type Actor } from './actor.js';

// Community /1/2/, its compound /1/2/3/ with building /1/2/3/4/, and a property company /1/2/3/7/ beside the buildings.
const grant = (role: string, orgPath: string, o: { scopePaths?: string[]; seesScope?: boolean; admin?: boolean; orgId?: string } = {}) => ({
  id: role,
  role,
  orgId: o.orgId ?? '0',
  orgPath,
  scopePaths: o.scopePaths ?? [orgPath],
  seesScope: o.seesScope ?? true,
  admin: o.admin ?? false,
});
// The server mints actors (its tests check that); these read one, so a plain object stands in.
const actor = (...grants: ReturnType<typeof grant>[]): Actor => ({ personId: '42', grants }) satisfies CoreActor as unknown as Actor;

const secretary = actor(grant('community_secretary', '/1/2/'));
const resident = actor(grant('resident', '/1/2/3/4/', { seesScope: false }));
const propertyStaff = actor(grant('property_staff', '/1/2/3/7/', { scopePaths: ['/1/2/3/'] }), grant('volunteer', '/1/9/', { orgId: '9' }));
const admin = actor(grant('admin', '/1/', { admin: true }));

describe('reading an actor', () => {
  it('gives the person id as plugin tables store it', () => {
    expect(personIdOf(secretary)).toBe(42);
  });

  it('holdsRoleAt: a role whose scope covers the path, of the roles named when given', () => {
    expect(holdsRoleAt(secretary, '/1/2/3/4/')).toBe(true);
    expect(holdsRoleAt(secretary, '/1/2/3/4/', ['community_secretary'])).toBe(true);
    expect(holdsRoleAt(secretary, '/1/2/3/4/', ['community_staff'])).toBe(false);
    expect(holdsRoleAt(secretary, '/1/')).toBe(false); // above the role: not covered
    expect(holdsRoleAt(resident, '/1/2/3/')).toBe(false);
  });

  it('holdsRoleWithin: a role held at the path or below it, by where it is held or what it covers', () => {
    expect(holdsRoleWithin(resident, '/1/2/3/')).toBe(true);
    expect(holdsRoleWithin(propertyStaff, '/1/2/3/7/')).toBe(true); // held at the company, though its scope is the compound
    expect(holdsRoleWithin(propertyStaff, '/1/2/3/', ['volunteer'])).toBe(false);
    expect(holdsRoleWithin(secretary, '/1/2/3/')).toBe(false);
  });

  it('seesPath / seesWithin / visiblePaths: only roles that show their scope', () => {
    expect(seesPath(secretary, '/1/2/3/4/')).toBe(true);
    expect(seesPath(resident, '/1/2/3/4/')).toBe(false);
    expect(seesWithin(resident, '/1/2/3/')).toBe(false);
    expect(seesWithin(propertyStaff, '/1/2/3/')).toBe(true);
    expect(visiblePaths(propertyStaff)).toEqual(['/1/2/3/', '/1/9/']);
    expect(visiblePaths(resident)).toEqual([]);
  });

  it('isAdminAt and orgIdsWithRole', () => {
    expect(isAdminAt(admin, '/1/2/')).toBe(true);
    expect(isAdminAt(secretary, '/1/2/')).toBe(false);
    expect(orgIdsWithRole(propertyStaff, ['volunteer'])).toEqual(['9']);
  });

  it('canSeeTicket decides as the core does', () => {
    const ticket = { orgPath: '/1/2/3/4/', assigneeOrgPath: null, assigneePersonId: null, reporterId: null };
    expect(canSeeTicket(secretary, ticket)).toBe(true);
    expect(canSeeTicket(resident, ticket)).toBe(false);
    expect(canSeeTicket(resident, { ...ticket, reporterId: '42' })).toBe(true);
  });
});

describe('the Actor type', () => {
  // Compiled with the repository's settings: each @ts-expect-error must meet an error, else tsc reports it unused.
  it('is opaque: no object a plugin writes type-checks as an Actor, and it has no grants to read (copies are refused at run time)', () => {
    const file = fileURLToPath(new URL('./actor-brand.fixture.ts', import.meta.url));
    const source = `import type { Actor } from './actor.js';
declare const given: Actor;
// @ts-expect-error an object literal is not an Actor
export const forged: Actor = { personId: '1', grants: [] };
// @ts-expect-error nor is an empty one
export const empty: Actor = {};
// @ts-expect-error the grants are not readable
export const grants = given.grants;
export const kept: Actor = given;
`;
    const options = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, customConditions: ['linli-source'] };
    const host = ts.createCompilerHost(options);
    const read = host.readFile.bind(host);
    host.readFile = (f) => (f === file ? source : read(f));
    const exists = host.fileExists.bind(host);
    host.fileExists = (f) => f === file || exists(f);
    const program = ts.createProgram([file], options, host);
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });
});
