import { personIdOf, type Actor } from '@linli/sdk';
import { fail } from '../errors.js';
import type { CorrectionInput } from '../forms/ledger.js';
import { canCorrect, seesPath, verifierRoles } from '../permissions.js';
import { accountOf, balanceOf, getEntry, insertEntry, lockAccount, netOfEntry, type Account } from '../store/ledger.js';
import { parseId } from '../store/tables.js';
import type { Env } from './env.js';

export interface Award {
  account: Account;
  orgId: number;
  orgPath: string;
  kind: 'wish' | 'service';
  points: number;
  hours?: number;
  ticketId?: number;
  activityId?: number;
  occurredAt: Date;
  note?: string;
  by: number;
}

/** Writes points earned: a verified wish, or service attended. Always a new entry. */
export async function award(env: Env, a: Award): Promise<number> {
  return insertEntry(env.db, {
    member_id: 'memberId' in a.account ? a.account.memberId : null,
    unit_org_id: 'unitOrgId' in a.account ? a.account.unitOrgId : null,
    org_id: a.orgId,
    org_path: a.orgPath,
    kind: a.kind,
    points: a.points,
    hours: a.hours ?? null,
    ticket_id: a.ticketId ?? null,
    activity_id: a.activityId ?? null,
    corrects_id: null,
    note: a.note ?? null,
    occurred_at: a.occurredAt,
    recorded_by: a.by,
    recorded_at: env.now,
  });
}

/**
 * 积分更正: a compensating entry that references the entry it corrects, for the
 * same account, counted in the same period (it carries the entry's date). It
 * may not take the account's balance, or the corrected entry's net, below zero.
 */
export async function correct(env: Env, actor: Actor, input: CorrectionInput): Promise<number> {
  const id = parseId(input.entryId);
  const entry = id === null ? undefined : await getEntry(env.db, id);
  // Out of scope answers exactly like missing.
  if (!entry || !seesPath(actor, entry.org_path)) throw fail('VP_ERR_ENTRY_NOT_FOUND', [input.entryId, input.entryId], [{ path: '/entryId', message: 'no such entry in your scope' }]);
  if (!canCorrect(actor, entry.org_path)) throw fail('VP_ERR_NOT_STAFF', ['', verifierRoles.join('/'), '更正积分', verifierRoles.join(' or ')]);
  if (entry.kind === 'correction') throw fail('VP_ERR_CORRECTION_TARGET', [input.entryId, input.entryId], [{ path: '/entryId', message: 'a correction entry' }]);
  const account = accountOf(entry);
  await lockAccount(env.db, account);
  const balance = await balanceOf(env.db, account);
  const net = await netOfEntry(env.db, entry.id);
  if (balance + input.points < 0) throw fail('VP_ERR_BALANCE_NEGATIVE', [input.points, '积分余额', balance], [{ path: '/points', message: `balance ${balance}` }]);
  if (net + input.points < 0) throw fail('VP_ERR_BALANCE_NEGATIVE', [input.points, `记录 ${entry.id} 的分值`, net], [{ path: '/points', message: `entry net ${net}` }]);
  return insertEntry(env.db, {
    member_id: entry.member_id,
    unit_org_id: entry.unit_org_id,
    org_id: entry.org_id,
    org_path: entry.org_path,
    kind: 'correction',
    points: input.points,
    hours: null,
    ticket_id: entry.ticket_id,
    activity_id: entry.activity_id,
    corrects_id: entry.id,
    note: input.reason,
    occurred_at: entry.occurred_at,
    recorded_by: personIdOf(actor),
    recorded_at: env.now,
  });
}
