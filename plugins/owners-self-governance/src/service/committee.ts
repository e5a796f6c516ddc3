import { holdsRoleAt, notFound, parseId, type Actor } from '@linli/sdk';
import { fail } from '../errors.js';
import { canConvene, canOversee } from '../permissions.js';
import type { Db } from '../store/tables.js';
import { orgById, personOf, type Env } from './env.js';
import { cancelReminderIfDone, tellCheckers } from './vetting-notices.js';

const DAY_MS = 86_400_000;

export interface ElectionRow {
  id: number;
  compoundOrgId: number;
  compoundName: string;
  compoundPath: string;
  title: string;
  preparatoryGroup: string;
  seats: number;
  status: 'nominating' | 'published';
  publishedAt: Date | null;
}

const elections = (db: Db) =>
  db
    .selectFrom('owners_self_governance_elections as e')
    .innerJoin('linli_orgs as o', 'o.id', 'e.compound_org_id')
    .select(['e.id', 'e.compound_org_id as compoundOrgId', 'o.name as compoundName', 'e.compound_path as compoundPath', 'e.title', 'e.preparatory_group as preparatoryGroup', 'e.seats', 'e.status', 'e.published_at as publishedAt']);

/** The street or community sets up the preparatory group 筹备组 and opens nominations for a compound. */
export async function openElection(env: Env, actor: Actor, input: { compoundOrgId: string; title: string; preparatoryGroup: string; seats: number }): Promise<number> {
  const compound = await orgById(env, input.compoundOrgId);
  if (!canOversee(actor, compound.path)) throw notFound(`Organization ${input.compoundOrgId}`);
  if (!canConvene(actor, compound.path)) throw fail('OSG_ERR_NOT_CONVENER', [compound.name]);
  if (compound.type !== 'compound') throw fail('OSG_ERR_BAD_SCOPE', [compound.name], [{ path: '/compoundOrgId', message: 'choose a compound' }]);
  const row = await env.db
    .insertInto('owners_self_governance_elections')
    .values({ compound_org_id: compound.id, compound_path: compound.path, title: input.title, preparatory_group: input.preparatoryGroup, seats: input.seats, vetting_days: env.settings.vettingDays, created_by: personOf(actor), created_at: env.now, published_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function electionsVisible(env: Env, actor: Actor): Promise<ElectionRow[]> {
  const rows = (await elections(env.db).orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').limit(200).execute()) as ElectionRow[];
  return rows.filter((r) => canOversee(actor, r.compoundPath));
}

export async function electionForStaff(env: Env, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ElectionRow> {
  const n = parseId(id);
  let q = elections(env.db).where('e.id', '=', n ?? -1);
  if (opts.forUpdate) q = q.forUpdate('e');
  const row = n === null ? undefined : ((await q.executeTakeFirst()) as ElectionRow | undefined);
  if (!row || !canOversee(actor, row.compoundPath)) throw notFound(`Election ${id}`);
  return row;
}

/**
 * Nominates an owner on the compound's roll (nominated by owners, by the
 * preparatory group, or self-nominated — staff record the nomination form).
 * One check per item of the city's negative list is opened at once, each for
 * the department the list names, due within the vetting time limit.
 */
export async function nominate(env: Env, actor: Actor, electionId: string, input: { ownerId: string; nomination: string }): Promise<number> {
  const election = await electionForStaff(env, actor, electionId, { forUpdate: true });
  if (!canConvene(actor, election.compoundPath)) throw fail('OSG_ERR_NOT_CONVENER', [election.compoundName]);
  if (election.status !== 'nominating') throw fail('OSG_ERR_ELECTION_PUBLISHED', [election.title]);
  const ownerId = parseId(input.ownerId);
  const owner =
    ownerId === null
      ? undefined
      : await env.db
          .selectFrom('owners_self_governance_owners as w')
          .innerJoin('owners_self_governance_units as u', 'u.id', 'w.unit_id')
          .select(['w.id', 'u.building_path'])
          .where('w.id', '=', ownerId)
          .where('w.removed_at', 'is', null)
          .executeTakeFirst();
  if (!owner || !owner.building_path.startsWith(election.compoundPath)) throw fail('OSG_ERR_NOT_ON_ROLL', [election.compoundName], [{ path: '/ownerId', message: 'not an owner of this compound' }]);
  const existing = await env.db.selectFrom('owners_self_governance_candidates').select('id').where('election_id', '=', election.id).where('owner_id', '=', owner.id).executeTakeFirst();
  if (existing) throw fail('OSG_ERR_ALREADY_NOMINATED', []);
  const dueAt = new Date(env.now.getTime() + env.settings.vettingDays * DAY_MS);
  const candidate = await env.db
    .insertInto('owners_self_governance_candidates')
    .values({ election_id: election.id, owner_id: owner.id, nomination: input.nomination, nominated_at: env.now, due_at: dueAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  const keys = [...new Set(Object.values(env.settings.checkers))];
  const orgs = keys.length ? await env.db.selectFrom('linli_orgs').select(['id', 'key']).where('key', 'in', keys).execute() : [];
  const items = env.settings.negativeList.map((item) => ({
    candidate_id: candidate.id,
        item_id: item.id,
        item_kind: item.kind,
        item_text: item.text,
        checker: item.checker,
        // An item whose checker the city maps to no department is checked by the community.
        checker_org_id: orgs.find((o) => o.key === env.settings.checkers[item.checker])?.id ?? null,
        reason: null,
        checked_by: null,
        checked_at: null,
      }));
  await env.db.insertInto('owners_self_governance_checks').values(items).execute();
  await tellCheckers(env, { candidateId: candidate.id, election: election.title, compoundPath: election.compoundPath, dueAt, items: items.map((i) => ({ checkerOrgId: i.checker_org_id })) });
  return candidate.id;
}

export interface CheckRow {
  id: number;
  candidateId: number;
  itemKind: string;
  itemText: string;
  checker: string;
  checkerOrgId: number | null;
  checkerPath: string | null;
  checkerName: string | null;
  result: 'pending' | 'pass' | 'fail';
  reason: string | null;
  checkedAt: Date | null;
  dueAt: Date;
  ownerName: string;
  buildingName: string;
  room: string;
  compoundPath: string;
  electionId: number;
  electionTitle: string;
  electionStatus: string;
  /** The candidacy ended (no longer an owner of the compound, 0008): its items wait for nobody. */
  withdrawnAt: Date | null;
}

export const checks = (db: Db) =>
  db
    .selectFrom('owners_self_governance_checks as c')
    .innerJoin('owners_self_governance_candidates as k', 'k.id', 'c.candidate_id')
    .innerJoin('owners_self_governance_elections as e', 'e.id', 'k.election_id')
    .innerJoin('owners_self_governance_owners as w', 'w.id', 'k.owner_id')
    .innerJoin('owners_self_governance_units as u', 'u.id', 'w.unit_id')
    .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
    .leftJoin('linli_orgs as d', 'd.id', 'c.checker_org_id')
    .select([
      'c.id',
      'c.candidate_id as candidateId',
      'c.item_kind as itemKind',
      'c.item_text as itemText',
      'c.checker',
      'c.checker_org_id as checkerOrgId',
      'd.path as checkerPath',
      'd.name as checkerName',
      'c.result',
      'c.reason',
      'c.checked_at as checkedAt',
      'k.due_at as dueAt',
      'w.name as ownerName',
      'b.name as buildingName',
      'u.room',
      'e.compound_path as compoundPath',
      'e.id as electionId',
      'e.title as electionTitle',
      'e.status as electionStatus',
      'k.withdrawn_at as withdrawnAt',
    ]);

/** Whether the actor is the checker of this item: someone of the named department, or the community for items it checks. */
export const isChecker = (actor: Actor, c: Pick<CheckRow, 'checkerPath' | 'compoundPath'>): boolean => (c.checkerPath ? holdsRoleAt(actor, c.checkerPath) : canConvene(actor, c.compoundPath));

/** The checks waiting for the actor, oldest due first. */
export async function myPendingChecks(env: Env, actor: Actor): Promise<CheckRow[]> {
  const rows = (await checks(env.db).where('c.result', '=', 'pending').where('e.status', '=', 'nominating').where('k.withdrawn_at', 'is', null).orderBy('k.due_at').orderBy('c.id').limit(500).execute()) as CheckRow[];
  return rows.filter((r) => isChecker(actor, r));
}

/** One item checked: passed, or failed with the reason the candidate and the preparatory group are told. */
export async function recordCheck(env: Env, actor: Actor, checkId: string, input: { result: 'pass' | 'fail'; reason?: string }): Promise<void> {
  const n = parseId(checkId);
  const row = n === null ? undefined : ((await checks(env.db).where('c.id', '=', n).forUpdate('c').executeTakeFirst()) as CheckRow | undefined);
  if (!row || !(isChecker(actor, row) || canOversee(actor, row.compoundPath))) throw notFound(`Check ${checkId}`);
  if (!isChecker(actor, row)) throw fail('OSG_ERR_NOT_CHECKER', [row.checkerName ?? '社区']);
  if (row.electionStatus !== 'nominating') throw fail('OSG_ERR_ELECTION_PUBLISHED', ['']);
  if (row.result !== 'pending') throw fail('OSG_ERR_ALREADY_CHECKED', []);
  if (row.withdrawnAt !== null) throw fail('OSG_ERR_CANDIDACY_ENDED', [row.electionTitle]);
  const reason = input.reason?.trim() ?? '';
  if (input.result === 'fail' && reason.length < 4) throw fail('OSG_ERR_REASON_REQUIRED', [], [{ path: '/reason', message: 'say why, at least 4 characters' }]);
  await env.db
    .updateTable('owners_self_governance_checks')
    .set({ result: input.result, reason: reason || null, checked_by: personOf(actor), checked_at: env.now })
    .where('id', '=', row.id)
    .execute();
  await cancelReminderIfDone(env, row.candidateId, row.checkerOrgId);
}

/** Publishes the vetted list once every item of every candidate is checked. */
export async function publish(env: Env, actor: Actor, electionId: string): Promise<void> {
  const election = await electionForStaff(env, actor, electionId, { forUpdate: true });
  if (!canConvene(actor, election.compoundPath)) throw fail('OSG_ERR_NOT_CONVENER', [election.compoundName]);
  if (election.status !== 'nominating') throw fail('OSG_ERR_ELECTION_PUBLISHED', [election.title]);
  const pending = await checks(env.db).where('e.id', '=', election.id).where('c.result', '=', 'pending').where('k.withdrawn_at', 'is', null).execute();
  if (pending.length) throw fail('OSG_ERR_VETTING_OPEN', [String(pending.length)]);
  await env.db.updateTable('owners_self_governance_elections').set({ status: 'published', published_at: env.now }).where('id', '=', election.id).execute();
}
