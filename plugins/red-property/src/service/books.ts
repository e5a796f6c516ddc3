import { personIdOf, notFound, type Actor, type PluginContext } from '@linli/sdk';
import type { Committee } from '@linli/plugin-owners-self-governance';
import { committeeState, noCommittee } from '../committee.js';
import { compoundById, directory, type Compound } from '../companies.js';
import { fail } from '../errors.js';
import { fourParties, fourPartyTitle, type CompoundFileInput, type LedgerEntryInput, type MeetingInput, type PracticalMatterInput } from '../forms/books.js';
import { canKeepBooks, canSeeCompound } from '../permissions.js';
import { completeMatter, getMatter, getMeeting, insertLedgerEntry, insertMatter, insertMeeting, lockMatters, openMatterCount, upsertCompoundFile } from '../store/books.js';
import { isDbId, type Db } from '../store/tables.js';

/** 十件实事: at most this many open matters per compound and year. */
export const MAX_OPEN_MATTERS = 10;

const keepers = 'the community secretary or staff, the compound branch secretary or the residents’ committee serving the compound';

/**
 * A compound of the practice the actor may see, else 404 as if missing; with
 * `write`, one whose books the actor keeps, else a coded 403. An org that is
 * not a compound, or a compound without a property company, is named as such.
 */
export async function compoundFor(ctx: PluginContext, db: Db, actor: Actor, id: string, write: boolean): Promise<Compound> {
  if (!isDbId(id)) throw notFound(`Compound ${id}`);
  const c = compoundById(await directory(ctx, db), id);
  if (!c) {
    const org = await db.selectFrom('linli_orgs').select(['name', 'type']).where('id', '=', Number(id)).executeTakeFirst();
    if (org && org.type !== 'compound') throw fail('RP_ERR_NOT_A_COMPOUND', [org.name], [{ path: '/compoundOrgId', message: `${org.name} is a ${org.type}` }]);
    if (org) throw fail('RP_ERR_NO_PROPERTY_COMPANY', [org.name, org.name], [{ path: '/compoundOrgId', message: 'no property company serves this compound' }]);
    throw notFound(`Compound ${id}`);
  }
  if (!canSeeCompound(actor, c)) throw notFound(`Compound ${id}`);
  if (write && !canKeepBooks(actor, c)) throw fail('RP_ERR_NOT_ALLOWED', [keepers, `keep the books of ${c.name}`]);
  return c;
}

/**
 * 四方联席会议: a decision is valid only with all four parties present. With
 * owners' self-governance enabled, the owners' committee is present when at
 * least one member of the compound's sitting committee attends; with none
 * sitting (or its term ended) it is absent, and the message says why.
 */
export async function recordMeeting(ctx: PluginContext, db: Db, actor: Actor, input: MeetingInput): Promise<number> {
  const c = await compoundFor(ctx, db, actor, input.compoundOrgId, true);
  const committee = await committeeState(ctx, db, c);
  const why = noCommittee(committee);
  const attendance = committee === undefined ? input.attendance : { ...input.attendance, ownersCommittee: committeeAttendance(committee, why, input.attendance.ownersCommittee.members ?? [], c.name) };
  const missing = fourParties.filter((p) => !attendance[p].present);
  if (input.decision?.trim() && missing.length) {
    const title = (p: (typeof fourParties)[number]) => (p === 'ownersCommittee' && why ? `${fourPartyTitle[p].zh}（${why.zh}）(${fourPartyTitle[p].en}: ${why.en})` : `${fourPartyTitle[p].zh} (${fourPartyTitle[p].en})`);
    throw fail(
      'RP_ERR_FOUR_PARTIES_MISSING',
      [missing.map(title).join('、')],
      missing.map((p) => ({ path: p === 'ownersCommittee' && committee !== undefined ? '/attendance/ownersCommittee/members' : `/attendance/${p}/present`, message: p === 'ownersCommittee' && why ? why.zh : `${fourPartyTitle[p].zh} absent`, expected: 'true' })),
    );
  }
  return insertMeeting(db, {
    compound_org_id: Number(c.id),
    compound_path: c.path,
    held_on: input.heldOn,
    topic: input.topic,
    subject: input.subject,
    attendance,
    decision: input.decision?.trim() || null,
    recorded_by: personIdOf(actor),
    recorded_at: ctx.now(),
  });
}

/** The owners' committee's attendance from the members ticked: only members of the sitting committee, present when one came. */
function committeeAttendance(committee: Committee | 'none', why: { zh: string } | undefined, ids: string[], compound: string): { present: boolean; attendees?: string; members: string[] } {
  const sitting = committee !== 'none' && !why ? committee.members : [];
  const strangers = ids.filter((id) => !sitting.some((m) => m.id === id));
  if (strangers.length) throw fail('RP_ERR_NOT_COMMITTEE_MEMBER', [why ? `${compound}: ${why.zh}` : compound], [{ path: '/attendance/ownersCommittee/members', message: `not a sitting member: ${strangers.join(', ')}` }]);
  const came = sitting.filter((m) => ids.includes(m.id));
  return { present: came.length > 0, members: came.map((m) => m.id), ...(came.length ? { attendees: came.map((m) => `${m.name}（${m.role}）`).join('、') } : {}) };
}

/** 一区一档: the compound's current facts (the sheet is replaced; who and when are kept). */
export async function saveCompoundFile(ctx: PluginContext, db: Db, actor: Actor, input: CompoundFileInput): Promise<void> {
  const c = await compoundFor(ctx, db, actor, input.compoundOrgId, true);
  const { compoundOrgId: _, ...facts } = input;
  await upsertCompoundFile(db, Number(c.id), c.path, facts, personIdOf(actor), ctx.now());
}

/** 物业费及公共收益清单: entries are only appended; a correction is a new entry. */
export async function addLedgerEntry(ctx: PluginContext, db: Db, actor: Actor, input: LedgerEntryInput): Promise<number> {
  const c = await compoundFor(ctx, db, actor, input.compoundOrgId, true);
  if (!Number.isInteger(input.amountFen) || input.amountFen < 1 || input.amountFen > 100_000_000_000) {
    throw fail('RP_ERR_BAD_AMOUNT', [String(input.amountFen)], [{ path: '/amountFen', message: String(input.amountFen), expected: 'a whole number of fen ≥ 1' }]);
  }
  if (input.meetingId) {
    const m = isDbId(input.meetingId) ? await getMeeting(db, Number(input.meetingId)) : undefined;
    if (!m || String(m.compound_org_id) !== c.id) throw notFound(`Four-party meeting ${input.meetingId} of ${c.name}`);
  }
  return insertLedgerEntry(db, {
    compound_org_id: Number(c.id),
    compound_path: c.path,
    kind: input.kind === '收入' ? 'income' : 'expense',
    category: input.category,
    amount_fen: input.amountFen,
    purpose: input.purpose,
    occurred_on: input.occurredOn,
    meeting_id: input.meetingId ? Number(input.meetingId) : null,
    recorded_by: personIdOf(actor),
    recorded_at: ctx.now(),
  });
}

/** 十件实事: refused when the compound already has ten open matters that year. */
export async function addPracticalMatter(ctx: PluginContext, db: Db, actor: Actor, input: PracticalMatterInput): Promise<number> {
  const c = await compoundFor(ctx, db, actor, input.compoundOrgId, true);
  await lockMatters(db, Number(c.id), input.year);
  const open = await openMatterCount(db, Number(c.id), input.year);
  if (open >= MAX_OPEN_MATTERS) throw fail('RP_ERR_TEN_MATTERS_FULL', [c.name, input.year, open]);
  return insertMatter(db, {
    compound_org_id: Number(c.id),
    compound_path: c.path,
    year: input.year,
    title: input.title,
    description: input.description ?? null,
    result: null,
    created_by: personIdOf(actor),
    created_at: ctx.now(),
    done_at: null,
  });
}

export async function finishPracticalMatter(ctx: PluginContext, db: Db, actor: Actor, id: string, result: string): Promise<void> {
  const m = isDbId(id) ? await getMatter(db, Number(id)) : undefined;
  if (!m) throw notFound(`Practical matter ${id}`);
  await compoundFor(ctx, db, actor, String(m.compound_org_id), true);
  if (m.status === 'done') throw fail('RP_ERR_MATTER_CLOSED', [m.title]);
  await completeMatter(db, m.id, result, ctx.now());
}
