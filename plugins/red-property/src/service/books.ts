import { personIdOf, notFound, type Actor, type PluginContext } from '@linli/sdk';
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

/** 四方联席会议: a decision is valid only with all four parties present. */
export async function recordMeeting(ctx: PluginContext, db: Db, actor: Actor, input: MeetingInput): Promise<number> {
  const c = await compoundFor(ctx, db, actor, input.compoundOrgId, true);
  const missing = fourParties.filter((p) => !input.attendance[p].present);
  if (input.decision?.trim() && missing.length) {
    throw fail(
      'RP_ERR_FOUR_PARTIES_MISSING',
      [missing.map((p) => `${fourPartyTitle[p].zh} (${fourPartyTitle[p].en})`).join('、')],
      missing.map((p) => ({ path: `/attendance/${p}/present`, message: `${fourPartyTitle[p].zh} absent`, expected: 'true' })),
    );
  }
  return insertMeeting(db, {
    compound_org_id: Number(c.id),
    compound_path: c.path,
    held_on: input.heldOn,
    topic: input.topic,
    subject: input.subject,
    attendance: input.attendance,
    decision: input.decision?.trim() || null,
    recorded_by: personIdOf(actor),
    recorded_at: ctx.now(),
  });
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
