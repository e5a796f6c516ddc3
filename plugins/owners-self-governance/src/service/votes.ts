import { notFound, parseId, visiblePaths, type Actor } from '@linli/sdk';
import { decide, decideElection, type Choice, type Decision, type MatterRule } from '../art278.js';
import { fail, untickedConfirm } from '../errors.js';
import { matterTitles, type Matter } from '../matters.js';
import { canConvene, canOversee } from '../permissions.js';
import { personCount, voterOfUnits } from '../owner-identity.js';
import { rollUnits, unitsOfPerson, unitsUnder } from '../store/units.js';
import { ballotsOf, closeVoteRow, electorateUnit, getVote, insertBallot, insertElectorate, insertVote, ticksOf, unitsOfVoter, type VoteOrigin, type VoteRow } from '../store/votes.js';
import { orgById, personOf, type Env } from './env.js';
import { lockElection, seatIfElected, slateOf } from './seat.js';
import { CLOSE_VOTE_JOB, closeKey, tellOwnersVoteOpened } from './vote-effects.js';
import { announceClosed } from './vote-closed.js';

const DAY_MS = 86_400_000;

export interface NewVote {
  scopeOrgId: string;
  title: string;
  matter: Matter;
  days?: number;
  /** The plugin that opens it (`ctx.service(ownersVotes).open`), kept on the vote and announced when it closes. */
  origin?: VoteOrigin;
}

/**
 * Opens a vote for a compound or one building: the electorate (every unit
 * registered there, with its area) is frozen now, so the denominators of
 * Art. 278 cannot move while owners vote. The rule is copied onto the vote
 * for the same reason.
 */
export async function openVote(env: Env, actor: Actor, input: NewVote): Promise<number> {
  const scope = await orgById(env, input.scopeOrgId);
  if (!canOversee(actor, scope.path)) throw notFound(`Organization ${input.scopeOrgId}`);
  if (!canConvene(actor, scope.path)) throw fail('OSG_ERR_NOT_CONVENER', [scope.name]);
  if (scope.type !== 'compound' && scope.type !== 'building') throw fail('OSG_ERR_BAD_SCOPE', [scope.name], [{ path: '/scopeOrgId', message: 'choose a compound or a building' }]);
  const units = await unitsUnder(env.db, scope.path);
  if (!units.length) throw fail('OSG_ERR_NO_UNITS', [scope.name]);
  const ruleId = env.settings.matterRule[input.matter];
  const rule = env.settings.rules[ruleId];
  if (!rule) throw fail('OSG_ERR_UNKNOWN_RULE', [input.matter, ruleId]);
  // Who counts as one owner (Art. 9 of the judicial interpretation), frozen with the electorate.
  const voters = voterOfUnits(await rollUnits(env.db, units));
  const id = await insertVote(env.db, {
    scopeOrgId: scope.id,
    scopePath: scope.path,
    title: input.title,
    matter: input.matter,
    ruleId,
    rule,
    totalAreaCenti: units.reduce((s, u) => s + u.areaCenti, 0),
    totalOwners: personCount(voters),
    totalUnits: units.length,
    opensAt: env.now,
    closesAt: new Date(env.now.getTime() + (input.days ?? env.settings.votingDays) * DAY_MS),
    createdBy: personOf(actor),
    origin: input.origin,
  });
  await insertElectorate(env.db, id, units.map((u) => ({ ...u, voterUnitId: voters.get(u.id)! })));
  // Counted when voting time is over even if nobody closes it by hand; owners with accounts are told now.
  const closesAt = new Date(env.now.getTime() + (input.days ?? env.settings.votingDays) * DAY_MS);
  await env.ctx.jobs.schedule(env.trx, CLOSE_VOTE_JOB, { key: closeKey(id), runAt: closesAt, payload: { voteId: String(id) } });
  await tellOwnersVoteOpened(env, { id, title: input.title, scopeName: scope.name, closesAt }, units.map((u) => u.id));
  return id;
}

/** The vote if the actor may see it as staff, else 404 as if it did not exist. */
export async function voteForStaff(env: Env, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<VoteRow> {
  const n = parseId(id);
  const vote = n === null ? undefined : await getVote(env.db, n, opts);
  if (!vote || !canOversee(actor, vote.scopePath)) throw notFound(`Vote ${id}`);
  return vote;
}

/** The vote if the actor may read its count: staff overseeing its scope, and the owners whose units vote; else 404. */
export async function voteForReader(env: Env, actor: Actor, id: string): Promise<VoteRow> {
  const n = parseId(id);
  const vote = n === null ? undefined : await getVote(env.db, n);
  const mine = vote ? await unitsOfPerson(env.db, personOf(actor)) : [];
  if (!vote || !(canConvene(actor, vote.scopePath) || visiblePaths(actor).some((p) => vote.scopePath.startsWith(p)) || mine.some((u) => u.buildingPath.startsWith(vote.scopePath)))) throw notFound(`Vote ${id}`);
  return vote;
}

function assertOpen(env: Env, vote: VoteRow): void {
  if (vote.status !== 'open') throw fail('OSG_ERR_VOTE_CLOSED', [vote.title, vote.title]);
  if (env.now.getTime() >= new Date(vote.closesAt).getTime()) throw fail('OSG_ERR_VOTE_ENDED', [vote.title, vote.closesAt.toString(), vote.title, vote.closesAt.toString()]);
}

/** What one ballot says: one answer to the question, or the candidates ticked (a committee election's vote; none ticked abstains from all). */
export type BallotContent = { choice: Choice } | { ticks: readonly string[] };

/**
 * The ballot's content checked against the vote's kind: a committee election's
 * vote (seats set) takes ticks, at most as many as the seats, of its published
 * candidates; every other vote takes one answer.
 */
async function contentOf(env: Env, vote: VoteRow, content: BallotContent): Promise<{ choice: Choice; ticks: number[] }> {
  if (vote.seats === null) {
    if (!('choice' in content)) throw fail('OSG_ERR_BALLOT_KIND', [vote.title, { 'zh-CN': '对议题表示一个意见', en: 'one answer to its question' }]);
    return { choice: content.choice, ticks: [] };
  }
  if (!('ticks' in content)) throw fail('OSG_ERR_BALLOT_KIND', [vote.title, { 'zh-CN': '在同意的候选人名下打勾', en: 'a tick per candidate agreed with' }]);
  if (content.ticks.length > vote.seats) throw fail('OSG_ERR_TOO_MANY_TICKED', [String(content.ticks.length), String(vote.seats)], [{ path: '/candidateIds', message: `at most ${vote.seats}`, localized: { 'zh-CN': `最多勾选${vote.seats}名`, en: `at most ${vote.seats}` } }]);
  const slate = vote.electionId === null ? [] : (await slateOf(env, vote.electionId)).map((k) => k.candidateId);
  const ticks = [...new Set(content.ticks.map((t) => parseId(t) ?? -1))];
  if (vote.electionId !== null && ticks.some((t) => !slate.includes(t))) {
    const ended = await env.db.selectFrom('owners_self_governance_candidates').select('id').where('election_id', '=', vote.electionId).where('id', 'in', ticks).where('withdrawn_at', 'is not', null).executeTakeFirst();
    if (ended) throw fail('OSG_ERR_CANDIDACY_ENDED', [vote.title], [{ path: '/candidateIds', message: 'candidacy ended', localized: { 'zh-CN': '该候选人已不再是本小区业主', en: 'no longer an owner of the compound' } }]);
  }
  if (ticks.length !== content.ticks.length || ticks.some((t) => !slate.includes(t))) throw fail('OSG_ERR_NOT_CANDIDATE', [vote.title], [{ path: '/candidateIds', message: 'not a candidate of this vote', localized: { 'zh-CN': '不是本次表决的候选人', en: 'not a candidate of this vote' } }]);
  return { choice: ticks.length ? 'yes' : 'abstain', ticks };
}

async function take(env: Env, vote: VoteRow, unitId: number, unitLabel: string, ballot: { content: BallotContent; channel: 'online' | 'paper'; castBy: number; photoId: number | null }): Promise<void> {
  const entry = await electorateUnit(env.db, vote.id, unitId);
  if (!entry) throw fail('OSG_ERR_NOT_ELIGIBLE', [vote.title, vote.title], [{ path: '/unitId', message: 'not in this vote' }]);
  const { choice, ticks } = await contentOf(env, vote, ballot.content);
  // One vote per owner: it covers every unit of theirs in the vote (the same buyer's, or all the developer's).
  const taken = await insertBallot(env.db, { voteId: vote.id, unitIds: await unitsOfVoter(env.db, vote.id, entry.voterUnitId), choice, ticks, channel: ballot.channel, castBy: ballot.castBy, photoId: ballot.photoId, at: env.now });
  if (!taken) throw fail('OSG_ERR_ALREADY_VOTED', [unitLabel, unitLabel]);
}

/** An owner votes on the portal for their unit, once (the confirmation box is the one-time confirmation; a ballot is final). */
export async function castOnline(env: Env, actor: Actor, voteId: string, input: { unitId: string; confirm: boolean } & BallotContent): Promise<void> {
  if (!input.confirm) throw fail('OSG_ERR_NOT_CONFIRMED', [], untickedConfirm);
  const mine = await unitsOfPerson(env.db, personOf(actor));
  const unit = mine.find((u) => String(u.id) === input.unitId);
  const n = parseId(voteId);
  const vote = n === null ? undefined : await getVote(env.db, n, { forUpdate: true });
  // An owner sees only votes their units are part of: anything else is 404.
  if (!vote || !mine.some((u) => u.buildingPath.startsWith(vote.scopePath))) throw notFound(`Vote ${voteId}`);
  if (!unit) throw fail('OSG_ERR_NOT_OWNER', [], [{ path: '/unitId', message: 'not your unit' }]);
  assertOpen(env, vote);
  await take(env, vote, unit.id, `${unit.buildingName}${unit.room}`, { content: input, channel: 'online', castBy: personOf(actor), photoId: null });
}

/** Staff record a paper ballot with the photo of the signed ballot, uploaded by them. */
export async function recordPaper(env: Env, actor: Actor, voteId: string, input: { unitId: string; photos: string[] } & BallotContent): Promise<void> {
  const vote = await voteForStaff(env, actor, voteId, { forUpdate: true });
  if (!canConvene(actor, vote.scopePath)) throw fail('OSG_ERR_NOT_CONVENER', [vote.scopeName]);
  assertOpen(env, vote);
  const photoId = parseId(input.photos[0] ?? '');
  const photo = photoId === null ? undefined : await env.db.selectFrom('linli_attachments').select(['id', 'uploader_id']).where('id', '=', photoId).executeTakeFirst();
  if (!photo || photo.uploader_id !== personOf(actor)) throw fail('OSG_ERR_PHOTO_REQUIRED', [], [{ path: '/photos', message: 'a photo you uploaded' }]);
  const unitId = parseId(input.unitId);
  const unit = unitId === null ? undefined : await env.db.selectFrom('owners_self_governance_units as u').innerJoin('linli_orgs as o', 'o.id', 'u.building_org_id').select(['u.id', 'u.room', 'o.name']).where('u.id', '=', unitId).executeTakeFirst();
  if (!unit) throw fail('OSG_ERR_NOT_ELIGIBLE', [vote.title, vote.title], [{ path: '/unitId', message: 'unknown unit' }]);
  await take(env, vote, unit.id, `${unit.name}${unit.room}`, { content: input, channel: 'paper', castBy: personOf(actor), photoId: photo.id });
}

/** The count of a vote as it stands: by Art. 278 on the question, or per candidate for a committee election's vote (art278.ts). */
export async function countVote(env: Pick<Env, 'db'>, vote: VoteRow): Promise<Decision> {
  const ballots = await ballotsOf(env.db, vote.id);
  if (vote.seats === null) return tally(vote, ballots);
  const ticks = await ticksOf(env.db, vote.id);
  const candidates = vote.electionId === null ? [] : (await slateOf(env, vote.electionId)).map((k) => k.candidateId);
  const electorate = { totalAreaCenti: vote.totalAreaCenti, totalOwners: vote.totalOwners, totalUnits: vote.totalUnits };
  return decideElection(electorate, ballots.map((b) => ({ areaCenti: b.areaCenti, voter: b.voter, ticks: ticks.get(b.unitId) ?? [] })), vote.rule as MatterRule, candidates, vote.seats);
}

/** Counts the ballots by Art. 278 (the rule frozen on the vote) and closes it. */
export async function closeVote(env: Env, actor: Actor, voteId: string): Promise<Decision> {
  const vote = await voteForStaff(env, actor, voteId, { forUpdate: true });
  if (!canConvene(actor, vote.scopePath)) throw fail('OSG_ERR_NOT_CONVENER', [vote.scopeName]);
  if (vote.status !== 'open') throw fail('OSG_ERR_VOTE_CLOSED', [vote.title, vote.title]);
  if (vote.electionId !== null) await lockElection(env, vote.electionId);
  const result = await countVote(env, vote);
  await closeVoteRow(env.db, vote.id, personOf(actor), env.now, result);
  await seatIfElected(env, vote, result);
  await env.ctx.jobs.cancel(env.trx, closeKey(vote.id));
  await announceClosed(env, vote, result);
  return result;
}

/** The job at the end of voting time: counts a vote nobody closed by hand (no-op if it was). */
export async function closeIfDue(env: Env, voteId: string): Promise<void> {
  const vote = await getVote(env.db, Number(voteId), { forUpdate: true });
  if (!vote || vote.status !== 'open') return;
  if (vote.electionId !== null) await lockElection(env, vote.electionId);
  const result = await countVote(env, vote);
  await closeVoteRow(env.db, vote.id, null, env.now, result);
  await seatIfElected(env, vote, result);
  await announceClosed(env, vote, result);
}

export const tally = (vote: Pick<VoteRow, 'totalAreaCenti' | 'totalOwners' | 'totalUnits' | 'rule'>, ballots: { areaCenti: number; choice: Choice; voter?: number }[]): Decision =>
  decide({ totalAreaCenti: vote.totalAreaCenti, totalOwners: vote.totalOwners, totalUnits: vote.totalUnits }, ballots, vote.rule as MatterRule);

export const matterTitle = (m: string): string => matterTitles[m as Matter]?.['zh-CN'] ?? m;
