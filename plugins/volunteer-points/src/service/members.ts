import { holdsRoleAt, holdsRoleWithin, personIdOf, type Actor } from '@linli/sdk';
import { fail } from '../errors.js';
import type { MemberInput } from '../forms/member.js';
import { staffScopes } from '../permissions.js';
import type { Db, MemberKind } from '../store/tables.js';
import { compoundOf, localDate, parentPath, type Env } from './env.js';

export const kindOf: Record<string, MemberKind> = { 在职党员: 'in_service', 在册党员: 'resident' };
export const kindTitle: Record<MemberKind, string> = { in_service: '在职党员', resident: '在册党员' };

export interface MemberRow {
  id: number;
  person_id: number;
  person_name: string;
  kind: MemberKind;
  compound_org_id: number;
  compound_name: string;
  compound_path: string;
  community_path: string;
  work_unit: string | null;
  party_branch: string | null;
  branch_org_id: number | null;
  skills: string[];
  registered_at: Date;
}

function members(db: Db) {
  return db
    .selectFrom('volunteer_points_members as m')
    .innerJoin('linli_people as p', 'p.id', 'm.person_id')
    .innerJoin('linli_orgs as c', 'c.id', 'm.compound_org_id')
    .select(['m.id', 'm.person_id', 'p.display_name as person_name', 'm.kind', 'm.compound_org_id', 'c.name as compound_name', 'm.compound_path', 'm.community_path'])
    .select(['m.work_unit', 'm.party_branch', 'm.branch_org_id', 'm.skills', 'm.registered_at']);
}

/**
 * 双报到: the person registers themself with a home compound. The compound's
 * party branch (if the city has one) is the branch they report to; its
 * scorecard counts their service. Twice in one compound is a 409.
 */
export async function register(env: Env, actor: Actor, input: MemberInput): Promise<MemberRow> {
  const compound = await compoundOf(env, input.compoundOrgId, '/compoundOrgId');
  // Only where the person lives or serves: a role at the compound, above it, or within it (a building).
  if (!holdsRoleAt(actor, compound.path) && !holdsRoleWithin(actor, compound.path)) {
    throw fail('VP_ERR_NOT_YOUR_COMPOUND', [compound.name, compound.name], [{ path: '/compoundOrgId', message: 'you hold no role at or within this compound' }]);
  }
  const branch = await env.db.selectFrom('linli_orgs').select('id').where('parent_id', '=', compound.id).where('type', '=', 'party_branch').orderBy('id').executeTakeFirst();
  // The unique (person, compound) index decides, even against two requests at once.
  const row = await env.db
    .insertInto('volunteer_points_members')
    .values({
      person_id: personIdOf(actor),
      kind: kindOf[input.kind]!,
      compound_org_id: compound.id,
      compound_path: compound.path,
      community_path: parentPath(compound.path),
      work_unit: input.workUnit ?? null,
      party_branch: input.partyBranch ?? null,
      branch_org_id: branch?.id ?? null,
      skills: JSON.stringify(input.skills ?? []) as unknown as string[],
      registered_at: env.now,
    })
    .onConflict((oc) => oc.columns(['person_id', 'compound_org_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const existing = await members(env.db).where('m.person_id', '=', personIdOf(actor)).where('m.compound_org_id', '=', compound.id).executeTakeFirstOrThrow();
    throw fail('VP_ERR_ALREADY_REGISTERED', [compound.name, localDate(existing.registered_at, env.offsetHours)], [{ path: '/compoundOrgId', message: 'already registered here' }]);
  }
  return (await members(env.db).where('m.id', '=', row.id).executeTakeFirstOrThrow()) as MemberRow;
}

/** The person's own registrations. */
export async function registrationsOf(db: Db, personId: number): Promise<MemberRow[]> {
  return (await members(db).where('m.person_id', '=', personId).orderBy('m.id').execute()) as MemberRow[];
}

/** Registrations staff see: compounds in their scope (narrowed to an org's subtree when asked), and the actor's own. */
export async function listMembers(db: Db, actor: Actor, within?: string): Promise<MemberRow[]> {
  const scopes = staffScopes(actor);
  let q = members(db).where((eb) => eb.or([eb('m.person_id', '=', personIdOf(actor)), ...scopes.map((p) => eb('m.compound_path', 'like', `${p}%`))]));
  if (within) q = q.where('m.compound_path', 'like', `${within}%`);
  return (await q.orderBy('m.compound_path').orderBy('m.id').execute()) as MemberRow[];
}

export function memberJson(m: MemberRow) {
  return {
    id: String(m.id),
    personName: m.person_name,
    kind: m.kind,
    kindTitle: kindTitle[m.kind],
    compoundOrgId: String(m.compound_org_id),
    compoundName: m.compound_name,
    workUnit: m.work_unit,
    partyBranch: m.party_branch,
    skills: m.skills,
    skillsText: m.skills.join('、'),
    registeredAt: m.registered_at.toISOString(),
  };
}
