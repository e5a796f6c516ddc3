import { areaText } from '../art278.js';
import { maskName } from '../mask.js';
import type { Db } from '../store/tables.js';
import { voterOfUnits } from '../owner-identity.js';
import { ownersOf, rollUnits, type UnitRow } from '../store/units.js';
import { ballotsOfVotes, type VoteRow } from '../store/votes.js';
import { outcomeText, unitsAndPersons } from './result-page.js';
import { matterTitle, tally } from './votes.js';

export const statusTitle = (s: string) => (s === 'open' ? '投票中' : '已结束');

/**
 * How a unit counts in a vote's headcount (Art. 9, owner-identity.ts), among
 * the units listed: empty for a unit that is one owner alone, else how many
 * units its owner (the same buyer, or the developer) has here, counted as one.
 */
function headcountOf(voters: ReadonlyMap<number, number>, sizes: ReadonlyMap<number, number>, u: UnitRow): string {
  const n = sizes.get(voters.get(u.id)!) ?? 1;
  if (n < 2) return '';
  return u.developerHeld ? `开发商共${n}套，按1人计` : `同一业主共${n}套，按1人计`;
}

/** Units for the roll, owners masked, with how each counts in a vote's headcount. */
export async function unitViews(db: Db, units: UnitRow[]) {
  const owners = await ownersOf(db, units.map((u) => u.id));
  const voters = voterOfUnits(await rollUnits(db, units));
  const sizes = new Map<number, number>();
  for (const v of voters.values()) sizes.set(v, (sizes.get(v) ?? 0) + 1);
  return units.map((u) => ({
    id: String(u.id),
    buildingOrgId: String(u.buildingOrgId),
    buildingName: u.buildingName,
    room: u.room,
    area: areaText(u.areaCenti),
    owners: owners.filter((o) => o.unitId === u.id).map((o) => maskName(o.name)).join('、'),
    partyMemberHousehold: u.partyMemberHousehold ? '是' : '',
    developerHeld: u.developerHeld ? '开发商未售/未交付' : '',
    headcount: headcountOf(voters, sizes, u),
  }));
}

/** A vote's headcount on the staff list: units (专有部分) and the persons they count as (Art. 9), in the electorate and among the ballots. */
export interface Turnout {
  units: number;
  voted: number;
  owners: number;
  votedOwners: number;
}

/**
 * The turnout of each vote as its count page gives it: a closed vote's stored
 * result, else the ballots counted by the same arithmetic (`tally`, art278.ts)
 * against the electorate frozen on the vote — so an owner of several units is
 * one person here as there. Only open votes (and results stored before units
 * were kept) read their ballots.
 */
export async function counts(db: Db, votes: VoteRow[]): Promise<Map<number, Turnout>> {
  const live = votes.filter((v) => !v.result?.units);
  const ballots = await ballotsOfVotes(db, live.map((v) => v.id));
  const out = new Map<number, Turnout>();
  for (const v of votes) {
    const d = v.result?.units ? v.result : tally(v, ballots.filter((b) => b.voteId === v.id));
    out.set(v.id, { units: v.totalUnits, voted: d.units?.participating ?? 0, owners: d.participation.owners.whole, votedOwners: d.participatingOwners });
  }
  return out;
}

export function voteView(v: VoteRow, c: Turnout | undefined) {
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
    owners: c?.owners ?? 0,
    votedOwners: c?.votedOwners ?? 0,
    /** The two counts in words, as the count page says them (业主人数：6户专有部分，按人计 4人). */
    electorate: c ? unitsAndPersons(c.units, c.owners) : '',
    turnout: c ? unitsAndPersons(c.voted, c.votedOwners) : '',
    outcome: v.result ? outcomeText(v.result) : null,
    origin: v.originTitle,
    /** How its ballot reads: one answer (`question`) or a tick per candidate (`candidates`, a committee election). */
    ballot: v.seats === null ? 'question' : 'candidates',
    /** A committee election's seats: its ballot's boxes stop there. */
    seats: v.seats,
  };
}
