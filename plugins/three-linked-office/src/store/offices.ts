import { sql, type ErrorDetail } from '@linli/sdk';
import { fail } from '../errors.js';
import { parties, partyOrgType, type Party } from '../parties.js';
import type { OfficeScope, OrgRef } from '../permissions.js';
import type { Settings } from '../settings.js';
import type { Db } from './tables.js';

export interface Office extends OfficeScope {
  id: string;
  meetingWeekday: number;
  meetingTime: string;
  place: string | null;
  /** Configured representatives' usernames, per party (may be empty: then the party org's role holders represent it). */
  representatives: Partial<Record<Party, string[]>>;
}

const at = (i: number, field: string) => `/plugins/three-linked-office/offices/${i}${field ? `/${field}` : ''}`;
const parentPath = (path: string) => path.replace(/[0-9]+\/$/, '');

/**
 * Brings `tlo_offices` up to the options: one row per configured compound,
 * matched by the compound, so running it again changes nothing. Checks what
 * the options schema cannot: that each key names an org of the right type in
 * the right place, and that representatives exist. Every problem is reported
 * at once, with its JSON path in the city config. An office dropped from the
 * config is marked inactive; its meetings and problems stay on record.
 */
export async function syncOffices(db: Db, settings: Settings): Promise<void> {
  const keys = [...new Set(settings.offices.flatMap((o) => [o.compound, ...parties.map((p) => o[p]), ...(o.partyCommittee ? [o.partyCommittee] : [])]))];
  const orgs = new Map(
    keys.length ? (await db.selectFrom('linli_orgs').select(['id', 'key', 'type', 'path', 'name']).where('key', 'in', keys).execute()).map((r) => [r.key, r]) : [],
  );
  const usernames = [...new Set(settings.offices.flatMap((o) => parties.flatMap((p) => o.representatives?.[p] ?? [])))];
  const people = new Map(
    usernames.length
      ? (
          await db
            .selectFrom('linli_people as p')
            .leftJoin('linli_role_assignments as ra', 'ra.person_id', 'p.id')
            .leftJoin('linli_orgs as o', 'o.id', 'ra.org_id')
            .select(['p.username', 'o.path'])
            .where('p.username', 'in', usernames)
            .execute()
        ).reduce((m, r) => m.set(r.username, [...(m.get(r.username) ?? []), ...(r.path ? [r.path] : [])]), new Map<string, string[]>())
      : [],
  );

  const issues: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  const rows: { compound: number; rc: number; property: number; owners: number; party: number | null; i: number }[] = [];
  settings.offices.forEach((o, i) => {
    const lookup = (field: string, key: string, type: string) => {
      const org = orgs.get(key);
      if (!org) issues.push({ path: at(i, field), message: `unknown org "${key}"`, expected: 'the key of an org in /orgs' });
      else if (org.type !== type) issues.push({ path: at(i, field), message: `"${key}" is of type ${org.type}`, expected: `an org of type ${type}` });
      else return org;
      return undefined;
    };
    const compound = lookup('compound', o.compound, 'compound');
    const found = Object.fromEntries(parties.map((p) => [p, lookup(p, o[p], partyOrgType[p])])) as Record<Party, ReturnType<typeof lookup>>;
    const party = o.partyCommittee ? lookup('partyCommittee', o.partyCommittee, 'party_committee') : undefined;
    if (!compound) return;
    if (seen.has(o.compound)) issues.push({ path: at(i, 'compound'), message: `"${o.compound}" already has an office at ${at(seen.get(o.compound)!, '')}`, expected: 'one office per compound' });
    seen.set(o.compound, i);
    // The committees belong to this compound's community, the owners' committee to the compound itself.
    const rc = found.residentsCommittee;
    if (rc && !compound.path.startsWith(parentPath(rc.path))) issues.push({ path: at(i, 'residentsCommittee'), message: `"${rc.key}" does not serve "${o.compound}"`, expected: "the residents' committee of the compound's community" });
    if (party && !compound.path.startsWith(parentPath(party.path))) issues.push({ path: at(i, 'partyCommittee'), message: `"${party.key}" is not above "${o.compound}"`, expected: "the party committee of the compound's community or street" });
    const owners = found.ownersCommittee;
    if (owners && !owners.path.startsWith(compound.path)) issues.push({ path: at(i, 'ownersCommittee'), message: `"${owners.key}" is not the owners' committee of "${o.compound}"`, expected: 'an owners_committee under the compound' });
    for (const p of parties) {
      (o.representatives?.[p] ?? []).forEach((u, k) => {
        const paths = people.get(u);
        const orgPath = found[p]?.path;
        if (!paths) issues.push({ path: at(i, `representatives/${p}/${k}`), message: `unknown person "${u}"`, expected: 'the username of a person in /people' });
        else if (orgPath && !paths.some((x) => x.startsWith(orgPath))) issues.push({ path: at(i, `representatives/${p}/${k}`), message: `"${u}" holds no role at "${o[p]}"`, expected: `a person with a role at "${o[p]}"` });
      });
    }
    if (found.residentsCommittee && found.propertyCompany && found.ownersCommittee) {
      rows.push({ compound: compound.id, rc: found.residentsCommittee.id, property: found.propertyCompany.id, owners: found.ownersCommittee.id, party: party?.id ?? null, i });
    }
  });
  if (issues.length) throw fail('TLO_ERR_OFFICE_CONFIG', [`${issues.length} problem(s)`], issues);

  for (const r of rows) {
    const o = settings.offices[r.i]!;
    const values = {
      rc_org_id: r.rc,
      property_org_id: r.property,
      owners_org_id: r.owners,
      party_org_id: r.party,
      meeting_weekday: o.meetingWeekday ?? settings.meetingWeekday,
      meeting_time: o.meetingTime ?? settings.meetingTime,
      place: o.place ?? null,
      representatives: sql`cast(${JSON.stringify(o.representatives ?? {})} as jsonb)`,
      active: true,
    };
    await db
      .insertInto('tlo_offices')
      .values({ compound_org_id: r.compound, ...values, updated_at: new Date() })
      .onConflict((oc) => oc.column('compound_org_id').doUpdateSet(values))
      .execute();
  }
  const configured = rows.map((r) => r.compound);
  await db
    .updateTable('tlo_offices')
    .set({ active: false })
    .where('active', '=', true)
    .$if(configured.length > 0, (q) => q.where('compound_org_id', 'not in', configured))
    .execute();
}

/** Every active office with its orgs. Offices are few (one per compound), so callers filter in memory. */
export async function loadOffices(db: Db): Promise<Office[]> {
  const rows = await db.selectFrom('tlo_offices').selectAll().where('active', '=', true).orderBy('id').execute();
  const ids = [...new Set(rows.flatMap((r) => [r.compound_org_id, r.rc_org_id, r.property_org_id, r.owners_org_id, ...(r.party_org_id ? [r.party_org_id] : [])]))];
  const orgs = new Map(
    ids.length ? (await db.selectFrom('linli_orgs').select(['id', 'key', 'name', 'path']).where('id', 'in', ids).execute()).map((o) => [o.id, { id: String(o.id), key: o.key, name: o.name, path: o.path } satisfies OrgRef]) : [],
  );
  const org = (id: number) => orgs.get(id)!;
  return rows.map((r) => ({
    id: String(r.id),
    compound: org(r.compound_org_id),
    parties: { residentsCommittee: org(r.rc_org_id), propertyCompany: org(r.property_org_id), ownersCommittee: org(r.owners_org_id) },
    partyCommittee: r.party_org_id ? org(r.party_org_id) : null,
    meetingWeekday: r.meeting_weekday,
    meetingTime: r.meeting_time,
    place: r.place,
    representatives: (typeof r.representatives === 'string' ? JSON.parse(r.representatives) : r.representatives) as Office['representatives'],
  }));
}

/** The office whose compound is at or above `orgPath` (a problem may be raised at a building). */
export function officeAt(offices: readonly Office[], orgPath: string): Office | undefined {
  return offices.find((o) => orgPath.startsWith(o.compound.path));
}

/** The names of each party's representatives: the configured people, or everyone holding a role at the party's org. */
export async function representativeNames(db: Db, offices: readonly Office[]): Promise<Map<string, Record<Party, string[]>>> {
  const orgIds = [...new Set(offices.flatMap((o) => parties.map((p) => Number(o.parties[p].id))))];
  const usernames = [...new Set(offices.flatMap((o) => parties.flatMap((p) => o.representatives[p] ?? [])))];
  const holders = orgIds.length
    ? await db
        .selectFrom('linli_role_assignments as ra')
        .innerJoin('linli_people as p', 'p.id', 'ra.person_id')
        .select(['ra.org_id', 'p.display_name'])
        .where('ra.org_id', 'in', orgIds)
        .orderBy('ra.id')
        .execute()
    : [];
  const named = usernames.length ? await db.selectFrom('linli_people').select(['username', 'display_name']).where('username', 'in', usernames).execute() : [];
  const byUsername = new Map(named.map((p) => [p.username, p.display_name]));
  const out = new Map<string, Record<Party, string[]>>();
  for (const o of offices) {
    const names = {} as Record<Party, string[]>;
    for (const p of parties) {
      const configured = o.representatives[p];
      names[p] = configured?.length
        ? configured.map((u) => byUsername.get(u) ?? u)
        : [...new Set(holders.filter((h) => String(h.org_id) === o.parties[p].id).map((h) => h.display_name))];
    }
    out.set(o.id, names);
  }
  return out;
}
