import type { Settings, SlotOptions } from '../settings.js';
import type { Db } from './tables.js';

export interface Slot {
  id: number;
  weekday: number;
  start: string;
  end: string;
  capacity: number;
}

export interface Studio {
  id: number;
  key: string;
  kind: string;
  name: string;
  host: string | null;
  place: string;
  description: string | null;
  communityOrgId: number;
  communityPath: string;
  communityName: string;
  /** Active weekly slots, by weekday and time. */
  slots: Slot[];
}

/** Studios (with their active slots), all or those at or under `path`. */
export async function loadStudios(db: Db, opts: { path?: string; id?: number } = {}): Promise<Studio[]> {
  let q = db
    .selectFrom('studios_studios as s')
    .innerJoin('linli_orgs as o', 'o.id', 's.community_org_id')
    .select(['s.id', 's.key', 's.kind', 's.name', 's.host', 's.place', 's.description', 's.community_org_id', 's.community_path', 'o.name as community_name'])
    .orderBy('s.community_path')
    .orderBy('s.id');
  if (opts.path) q = q.where('s.community_path', 'like', `${opts.path}%`);
  if (opts.id !== undefined) q = q.where('s.id', '=', opts.id);
  const rows = await q.execute();
  if (!rows.length) return [];
  const slots = await db
    .selectFrom('studios_slots')
    .select(['id', 'studio_id', 'weekday', 'start_time', 'end_time', 'capacity'])
    .where('studio_id', 'in', rows.map((r) => r.id))
    .where('active', '=', true)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    kind: r.kind,
    name: r.name,
    host: r.host,
    place: r.place,
    description: r.description,
    communityOrgId: r.community_org_id,
    communityPath: r.community_path,
    communityName: r.community_name,
    slots: slots.filter((s) => s.studio_id === r.id).map((s) => ({ id: s.id, weekday: s.weekday, start: s.start_time, end: s.end_time, capacity: s.capacity })),
  }));
}

export async function insertSlot(db: Db, studioId: number, slot: SlotOptions): Promise<number> {
  const row = await db
    .insertInto('studios_slots')
    .values({ studio_id: studioId, weekday: slot.weekday, start_time: slot.start, end_time: slot.end, capacity: slot.capacity })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewStudio {
  key: string;
  kind: string;
  name: string;
  host?: string | undefined;
  place: string;
  description?: string | undefined;
  communityOrgId: number;
  communityPath: string;
}

export async function insertStudio(db: Db, s: NewStudio, now: Date): Promise<number> {
  const row = await db
    .insertInto('studios_studios')
    .values({ key: s.key, kind: s.kind, name: s.name, host: s.host ?? null, place: s.place, description: s.description ?? null, community_org_id: s.communityOrgId, community_path: s.communityPath, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Brings the studios of the city config into the database at start. A studio
 * new to the config is created with its slots; one that exists keeps the
 * slots and capacity its secretary set in the app (the config only renames it
 * or moves its place). Idempotent: matched by key.
 */
export async function syncStudios(db: Db, settings: Settings, now: Date): Promise<void> {
  if (!settings.studios.length) return;
  const communities = await db
    .selectFrom('linli_orgs')
    .select(['id', 'key', 'path'])
    .where('key', 'in', settings.studios.map((s) => s.community))
    .execute();
  const existing = new Map((await db.selectFrom('studios_studios').select(['id', 'key']).execute()).map((r) => [r.key, r.id]));
  for (const s of settings.studios) {
    const community = communities.find((c) => c.key === s.community);
    // The config was checked against the city before start (x-linli-org), so the community exists.
    if (!community) continue;
    const id = existing.get(s.key);
    if (id !== undefined) {
      await db.updateTable('studios_studios').set({ name: s.name, kind: s.kind, host: s.host ?? null, place: s.place, description: s.description ?? null }).where('id', '=', id).execute();
      continue;
    }
    const studioId = await insertStudio(db, { ...s, communityOrgId: community.id, communityPath: community.path }, now);
    for (const slot of s.slots) await insertSlot(db, studioId, slot);
  }
}
