import type { Actor } from '@linli/sdk';
import { fail } from '../errors.js';
import type { FeeRateInput } from '../forms/office.js';
import { canEnterFeeRate, who } from '../permissions.js';
import type { Office } from '../store/offices.js';
import { localMonth } from '../time.js';
import { officeOfCompound, personOf, type Env } from './env.js';

export interface FeeRateView {
  compoundOrgId: string;
  compoundName: string;
  month: string;
  rate: number;
  paidHouseholds: number | null;
  totalHouseholds: number | null;
  note: string | null;
  enteredAt: string;
}

/**
 * Enters a month's property-fee collection rate 物业费收缴率 for a compound.
 * Entering the same month again corrects it. When households are given too,
 * the three figures must agree (to half a percentage point).
 */
export async function enterFeeRate(env: Env, actor: Actor, input: FeeRateInput): Promise<FeeRateView> {
  const office = await officeOfCompound(env, actor, input.compoundOrgId);
  if (!canEnterFeeRate(actor, office)) throw fail('TLO_ERR_NOT_ALLOWED', [who.feeEnterers, office.compound.name, 'enter fee collection rates (录入收缴率)']);
  const thisMonth = localMonth(env.now, env.offsetHours);
  if (input.month > thisMonth) throw fail('TLO_ERR_MONTH_IN_FUTURE', [input.month, thisMonth], [{ path: '/month', message: 'has not begun' }]);
  const { paidHouseholds: paid, totalHouseholds: total } = input;
  if (paid !== undefined && total !== undefined) {
    if (paid > total) throw fail('TLO_ERR_FEE_INCONSISTENT', [`${paid} households paid out of ${total}`], [{ path: '/paidHouseholds', message: 'is more than the households due' }]);
    const computed = (paid / total) * 100;
    if (Math.abs(computed - input.rate) > 0.5) {
      throw fail('TLO_ERR_FEE_INCONSISTENT', [`${paid} of ${total} households is ${computed.toFixed(1)}%, not ${input.rate}%`], [{ path: '/rate', message: `should be ${computed.toFixed(1)}` }]);
    }
  }
  const values = { rate: input.rate, paid_households: paid ?? null, total_households: total ?? null, note: input.note ?? null, entered_by: personOf(actor), entered_at: env.now };
  await env.db
    .insertInto('tlo_fee_rates')
    .values({ office_id: Number(office.id), month: input.month, ...values })
    .onConflict((oc) => oc.columns(['office_id', 'month']).doUpdateSet(values))
    .execute();
  return { compoundOrgId: office.compound.id, compoundName: office.compound.name, month: input.month, rate: input.rate, paidHouseholds: paid ?? null, totalHouseholds: total ?? null, note: input.note ?? null, enteredAt: env.now.toISOString() };
}

/** Every entered rate of these offices, newest month first. */
export async function feeRates(env: Env, offices: readonly Office[], limit: number): Promise<FeeRateView[]> {
  if (offices.length === 0) return [];
  const byId = new Map(offices.map((o) => [o.id, o]));
  const rows = await env.db
    .selectFrom('tlo_fee_rates')
    .selectAll()
    .where('office_id', 'in', offices.map((o) => Number(o.id)))
    .orderBy('month', 'desc')
    .orderBy('office_id')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const o = byId.get(String(r.office_id))!;
    return { compoundOrgId: o.compound.id, compoundName: o.compound.name, month: r.month, rate: r.rate, paidHouseholds: r.paid_households, totalHouseholds: r.total_households, note: r.note, enteredAt: r.entered_at.toISOString() };
  });
}

/** The rate month by month: the mean over the offices that reported that month, for the dashboard's line chart. */
export async function feeTrend(env: Env, offices: readonly Office[]): Promise<{ month: string; rate: number; compounds: number }[]> {
  if (offices.length === 0) return [];
  const rows = await env.db.selectFrom('tlo_fee_rates').select(['month', 'rate']).where('office_id', 'in', offices.map((o) => Number(o.id))).orderBy('month').execute();
  const months = new Map<string, number[]>();
  for (const r of rows) months.set(r.month, [...(months.get(r.month) ?? []), r.rate]);
  return [...months].map(([month, rates]) => ({ month, rate: round1(rates.reduce((a, b) => a + b, 0) / rates.length), compounds: rates.length }));
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
