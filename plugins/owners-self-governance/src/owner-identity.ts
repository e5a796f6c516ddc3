/**
 * Who counts as one owner in the headcount of Civil Code Art. 278, by Art. 9
 * of the Supreme People's Court interpretation on building ownership by units
 * (《最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释》第九条):
 * one exclusive part 专有部分 counts as one person, but the developer's unsold
 * or sold-but-undelivered parts count as one person together, and so do all
 * the parts of the same buyer 同一买受人.
 *
 * The same buyer is recognised on the roll, never by an ID-card number:
 * - owner records linked to the same account are the same person;
 * - so are records with the same owner number 业主编号 (an explicit key staff
 *   or the import give to a person who owns several units);
 * - records without an owner number are also the same person when their
 *   phones are equal (an owner number, where given, overrides the phone: two
 *   family members who share a phone but hold numbers of their own stay two).
 * A unit's buyer is the set of its owners' persons (co-owners of one unit are
 * one buyer of it); two units have the same buyer when those sets are equal.
 * A unit with an owner recognised by nothing (no account, number or phone)
 * is a buyer of its own.
 */

export interface RollOwner {
  personId: number | null;
  phone: string | null;
  ownerNo: string | null;
}

export interface RollUnit {
  id: number;
  developerHeld: boolean;
  owners: readonly RollOwner[];
}

/** The keys that identify an owner record: its account, its owner number, else its phone. */
function keysOf(o: RollOwner): string[] {
  const keys: string[] = [];
  if (o.personId !== null) keys.push(`p:${o.personId}`);
  const no = o.ownerNo?.trim();
  if (no) keys.push(`n:${no}`);
  else if (o.phone?.trim()) keys.push(`t:${o.phone.replace(/[\s-]/g, '')}`);
  return keys;
}

/**
 * The voter of each unit, as the smallest unit id of its group: units of the
 * same buyer share one, the developer-held units share one, every other unit
 * is its own. Deterministic, so freezing it when a vote opens is repeatable.
 */
export function voterOfUnits(units: readonly RollUnit[]): Map<number, number> {
  const { find } = keyGroups(units.flatMap((u) => u.owners));
  const voter = new Map<number, number>();
  const first = new Map<string, number>();
  for (const u of [...units].sort((a, b) => a.id - b.id)) {
    let buyer: string | null;
    if (u.developerHeld) buyer = 'developer';
    else if (!u.owners.length || u.owners.some((o) => keysOf(o).length === 0)) buyer = null;
    else buyer = [...new Set(u.owners.map((o) => find(keysOf(o)[0]!)))].sort().join('|');
    if (buyer === null) {
      voter.set(u.id, u.id);
      continue;
    }
    if (!first.has(buyer)) first.set(buyer, u.id);
    voter.set(u.id, first.get(buyer)!);
  }
  return voter;
}

/** Union-find over identity keys: records sharing a key (account, owner number, else phone) are one person. */
function keyGroups(owners: readonly RollOwner[]): { find: (k: string) => string } {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const o of owners) {
    const keys = keysOf(o);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) union(keys[0]!, k);
  }
  return { find };
}

/**
 * The person each owner record is, by the same keys as the headcount: records
 * linked to one account, with one owner number, or (without a number) one
 * phone are one person; a record recognised by nothing is a person of its own.
 * Answers a group key per record id — equal keys, same person. Used to tell
 * whether someone taken off the roll still owns another unit of the compound.
 */
export function personOfRecords(records: readonly (RollOwner & { id: number })[]): Map<number, string> {
  const { find } = keyGroups(records);
  return new Map(records.map((r) => {
    const keys = keysOf(r);
    return [r.id, keys.length ? find(keys[0]!) : `r:${r.id}`];
  }));
}

/** How many persons the headcount has: distinct voters. */
export const personCount = (voters: ReadonlyMap<number, number>): number => new Set(voters.values()).size;
