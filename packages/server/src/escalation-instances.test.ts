import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDeployment } from '@linli/core';
import { openDatabase, type Database } from '@linli/db';
import { claimJobs } from '@linli/jobs';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { SDK_VERSION } from '@linli/sdk';
import { TestClock, TEST_PASSWORD, testBackends } from '@linli/testing';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { migrateAll, seedCity } from './start.js';
import { escalationCity } from './test-escalation-city.js';
import { requestData } from './test-support.js';

const url = process.env.DATABASE_URL;
const plugins = [gridRequestsPlugin];
const deployment = loadDeployment(escalationCity(), { file: '<test config>', available: new Map(plugins.map((p) => [p.name, p])), sdkVersion: SDK_VERSION });
const T0 = '2026-11-24T01:00:00Z';
const at = (hours: number, minutes = 0) => new Date(new Date(T0).getTime() + (hours * 60 + minutes) * 60_000);

async function dropSchema(schema: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

async function login(app: FastifyInstance, username: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}

async function fileTickets(apps: FastifyInstance[], count: number): Promise<string[]> {
  const auth = await login(apps[0]!, 'grid.yongfu1');
  const hepan = (await apps[0]!.inject({ method: 'GET', url: '/api/orgs?type=compound&limit=200', headers: auth })).json().items.find((o: { key: string }) => o.key === 'hepan').id;
  const ids: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, (_, k) =>
        apps[(i + k) % apps.length]!.inject({ method: 'POST', url: '/api/tickets', headers: auth, payload: { workflow: 'grid-request', orgId: hepan, data: requestData(`批量${i + k}`) } }),
      ),
    );
    for (const r of batch) {
      if (r.statusCode !== 201) throw new Error(`file: ${r.statusCode} ${r.body}`);
      ids.push(r.json().id);
    }
  }
  return ids;
}

/** For each ticket: how many events of each system action it has, and whether version = last seq = event count. */
async function historyCounts(database: Database<any>, ids: string[]) {
  const rows = await sql<{ id: number; remind: number; overdue: number; raised: number; escalations: number; consistent: boolean }>`
    select t.id,
      (select count(*)::int from linli_ticket_events e where e.ticket_id = t.id and e.action = 'deadline.remind') as remind,
      (select count(*)::int from linli_ticket_events e where e.ticket_id = t.id and e.action = 'deadline.overdue') as overdue,
      (select count(*)::int from linli_ticket_events e where e.ticket_id = t.id and e.action = 'escalation.raise') as raised,
      (select count(*)::int from linli_ticket_escalations x where x.ticket_id = t.id) as escalations,
      (select max(seq) = t.version and count(*) = t.version from linli_ticket_events e where e.ticket_id = t.id) as consistent
    from linli_tickets t where t.id = any(${ids.map(Number)}::int[]) order by t.id`.execute(database.db);
  return rows.rows;
}

describe.skipIf(!url)('two server instances sharing one job queue on PostgreSQL', () => {
  const schema = `t_esc2_${randomBytes(4).toString('hex')}`;
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await dropSchema(schema);
  });

  it('escalates each of 200 tickets going overdue at once exactly once', async () => {
    const clock = new TestClock(T0);
    const apps: FastifyInstance[] = [];
    let first: Database<any> | undefined;
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ url, schema });
      if (i === 0) {
        first = database;
        await migrateAll(database, plugins);
        await seedCity(database, deployment, plugins, { demoPassword: TEST_PASSWORD, demoData: false, now: clock.now });
      }
      const app = await buildApp({ deployment, database, plugins, now: clock.now, sessionHours: 24 * 365, jobs: { workerId: `instance-${i}` } });
      closers.push(async () => (await app.close(), await database.close()));
      apps.push(app);
    }
    const ids = await fileTickets(apps, 200);

    // All 200 are 36 hours old: the reminder, the overdue mark and the ladder's first step are all due.
    clock.set(at(36, 1));
    const [a, b] = await Promise.all(apps.map((app) => app.linli.jobs.runDueJobs(clock.now())));
    expect(a!.done + b!.done).toBe(600);
    expect(a!.done).toBeGreaterThan(0);
    expect(b!.done).toBeGreaterThan(0);
    expect(a!.retried + b!.retried + a!.dead + b!.dead).toBe(0);

    const counts = await historyCounts(first!, ids);
    expect(counts).toHaveLength(200);
    expect(counts.filter((c) => c.remind !== 1 || c.overdue !== 1 || c.raised !== 1 || c.escalations !== 1 || !c.consistent)).toEqual([]);
    // Each escalation told the community's staff once per ticket.
    const notices = await sql<{ n: number }>`
      select count(*)::int as n from linli_notifications n join linli_people p on p.id = n.person_id
      where p.username = 'secretary.yongfu' and n.kind = 'ticket.escalated'`.execute(first!.db);
    expect(notices.rows[0]!.n).toBe(200);

    // Another pass on either instance finds nothing left to do.
    const again = await Promise.all(apps.map((app) => app.linli.jobs.runDueJobs(clock.now())));
    expect(again.map((s) => s.done)).toEqual([0, 0]);
  });
});

/** A database both runs can open: a file-backed PGlite directory, or a PostgreSQL schema. */
function reopenable(name: 'pglite' | 'postgres') {
  if (name === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'linli-jobs-restart-'));
    return { open: () => openDatabase({ dataDir: join(dir, 'data') }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_restart_${randomBytes(4).toString('hex')}`;
  return { open: () => openDatabase({ url, schema }), cleanup: () => dropSchema(schema) };
}

for (const backend of testBackends()) {
  describe(`a restart in the middle on ${backend.name}`, () => {
    const place = reopenable(backend.name);
    afterAll(() => place.cleanup());

    it('loses no job: what one instance left, the next runs, and a crashed claim comes back after its lease', async () => {
      const clock = new TestClock(T0);
      let database = await place.open();
      await migrateAll(database, plugins);
      await seedCity(database, deployment, plugins, { demoPassword: TEST_PASSWORD, demoData: false, now: clock.now });
      let app = await buildApp({ deployment, database, plugins, now: clock.now, sessionHours: 24 * 365, jobs: { leaseMs: 5 * 60_000 } });
      const ids = await fileTickets([app], 30);

      // The first instance sends the reminders…
      clock.set(at(20, 1));
      expect((await app.linli.jobs.runDueJobs(clock.now())).done).toBe(30);
      // …and is killed while holding ten overdue jobs it never finishes.
      clock.set(at(24, 1));
      const held = await claimJobs(database.db, { workerId: 'killed-instance', now: clock.now(), leaseMs: 5 * 60_000, limit: 10, kinds: ['ticket.overdue'] });
      expect(held).toHaveLength(10);
      await app.close();
      await database.close();

      // A new process on the same database.
      database = await place.open();
      app = await buildApp({ deployment, database, plugins, now: clock.now, sessionHours: 24 * 365 });
      try {
        expect((await app.linli.jobs.runDueJobs(clock.now())).done).toBe(20);
        clock.set(at(24, 7)); // the dead instance's lease has run out
        expect((await app.linli.jobs.runDueJobs(clock.now())).done).toBe(10);
        clock.set(at(36, 1));
        expect((await app.linli.jobs.runDueJobs(clock.now())).done).toBe(30);
        const counts = await historyCounts(database, ids);
        expect(counts.filter((c) => c.remind !== 1 || c.overdue !== 1 || c.raised !== 1 || !c.consistent)).toEqual([]);
      } finally {
        await app.close();
        await database.close();
      }
    });
  });
}
