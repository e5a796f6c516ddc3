import { areaText } from '../art278.js';
import { maskName } from '../mask.js';
import type { Db } from '../store/tables.js';
import { ownersOf, type UnitRow } from '../store/units.js';
import type { VoteRow } from '../store/votes.js';
import { outcomeText } from './result-page.js';
import { matterTitle } from './votes.js';

export const statusTitle = (s: string) => (s === 'open' ? '投票中' : '已结束');

/** Units for the roll, owners masked. */
export async function unitViews(db: Db, units: UnitRow[]) {
  const owners = await ownersOf(db, units.map((u) => u.id));
  return units.map((u) => ({
    id: String(u.id),
    buildingOrgId: String(u.buildingOrgId),
    buildingName: u.buildingName,
    room: u.room,
    area: areaText(u.areaCenti),
    owners: owners.filter((o) => o.unitId === u.id).map((o) => maskName(o.name)).join('、'),
    partyMemberHousehold: u.partyMemberHousehold ? '是' : '',
    developerHeld: u.developerHeld ? '开发商未售/未交付' : '',
  }));
}

/** How many units are in each vote's electorate and how many have voted. */
export async function counts(db: Db, voteIds: number[]): Promise<Map<number, { units: number; voted: number }>> {
  const out = new Map<number, { units: number; voted: number }>();
  if (!voteIds.length) return out;
  const units = await db.selectFrom('owners_self_governance_electorate').select(['vote_id', (eb) => eb.fn.countAll<string>().as('n')]).where('vote_id', 'in', voteIds).groupBy('vote_id').execute();
  const voted = await db.selectFrom('owners_self_governance_ballots').select(['vote_id', (eb) => eb.fn.countAll<string>().as('n')]).where('vote_id', 'in', voteIds).groupBy('vote_id').execute();
  for (const id of voteIds) out.set(id, { units: Number(units.find((r) => r.vote_id === id)?.n ?? 0), voted: Number(voted.find((r) => r.vote_id === id)?.n ?? 0) });
  return out;
}

export function voteView(v: VoteRow, c: { units: number; voted: number } | undefined) {
  return {
    id: String(v.id),
    title: v.title,
    scopeName: v.scopeName,
    matterTitle: matterTitle(v.matter),
    ruleTitle: v.rule.title,
    status: v.status,
    statusTitle: statusTitle(v.status),
    opensAt: new Date(v.opensAt).toISOString(),
    closesAt: new Date(v.closesAt).toISOString(),
    units: c?.units ?? 0,
    voted: c?.voted ?? 0,
    outcome: v.result ? outcomeText(v.result) : null,
    origin: v.originTitle,
    /** How its ballot reads: one answer (`question`) or a tick per candidate (`candidates`, a committee election). */
    ballot: v.seats === null ? 'question' : 'candidates',
    /** A committee election's seats: its ballot's boxes stop there. */
    seats: v.seats,
  };
}
