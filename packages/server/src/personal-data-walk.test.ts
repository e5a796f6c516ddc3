import { isWithin } from '@linli/core';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPlugins, exampleConfigFile, orgId } from './test-support.js';

/**
 * SECURITY.md, "personal data by construction": every GET route of the core
 * and of every bundled plugin, read by every person of the example city (with
 * its demo history), never shows a whole mobile number or ID-card number to
 * someone who may not read it. The route list comes from the running app, so
 * a route added later is walked too.
 *
 * Who may read a whole number (the rules written out again here, on purpose
 * not imported from the code under test):
 * - a person's own phone: that person, and administrators whose scope covers
 *   an org where the person holds a role;
 * - a ticket's sensitive field: its reporter and the person it is assigned
 *   to, anywhere; holders of a role with `personalData` covering the ticket,
 *   in the ticket's detail view only.
 * Any other whole number found (one of no known owner: a plugin's table, an
 * audit row) fails the walk.
 */
// Bounded by anything but letters, digits, - and _: a number inside a token or an id (base64url) is no phone.
const mobile = /(?<![0-9A-Za-z_-])1[3-9]\d{9}(?![0-9A-Za-z_-])/g;
const idCard = /(?<![0-9A-Za-z_-])\d{17}[\dXx](?![0-9A-Za-z_-])/g;

type Owner = { kind: 'person'; personId: string; paths: string[] } | { kind: 'ticket'; ticketId: string; orgPath: string; people: string[] };

interface Reader {
  username: string;
  personId: string;
  grants: { role: string; path: string; admin: boolean; personalData: boolean }[];
}

/** Values to put into a route's `:param`: ids that exist for most tables. */
function fillings(url: string, ticketIds: string[]): string[] {
  const params = url.match(/:[A-Za-z]+/g) ?? [];
  if (params.length === 0) return [url];
  if (params.length > 1) return [];
  const values = /\/tickets\/:/.test(url) ? ticketIds : ['1', '2', '3'];
  return values.map((v) => url.replace(params[0]!, v));
}

for (const backend of testBackends()) {
  describe(`personal data walk on ${backend.name}`, () => {
    let server: TestServer;
    const owners = new Map<string, Owner[]>();
    const readers: Reader[] = [];
    let ticketIds: string[] = [];

    const own = (value: string, owner: Owner) => owners.set(value, [...(owners.get(value) ?? []), owner]);

    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfigFile, plugins: bundledPlugins, backend, demoData: true });
      const db = server.database.db;

      // Tickets carrying a phone the walk must find masked: one a resident filed, one staff filed for a caller.
      const hepan = await orgId(server, 'hepan');
      const resident = await server.login('resident.hepan');
      const grid = await server.login('grid.yongfu1');
      const data = (phone: string) => ({ title: '楼道灯坏了', category: '公共设施', description: '三单元楼道灯一周没亮。', contactPhone: phone });
      expect((await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: data('13912345678') })).status).toBe(201);
      expect((await grid.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: data('13887654321') })).status).toBe(201);

      const roles = server.deployment.roles;
      const assignments = await db
        .selectFrom('linli_role_assignments as a')
        .innerJoin('linli_orgs as o', 'o.id', 'a.org_id')
        .innerJoin('linli_people as p', 'p.id', 'a.person_id')
        .select(['p.id as personId', 'p.username', 'a.role', 'o.path'])
        .execute();
      const people = await db.selectFrom('linli_people').select(['id', 'username', 'phone']).execute();
      for (const p of people) {
        const grants = assignments
          .filter((a) => String(a.personId) === String(p.id))
          .map((a) => ({ role: a.role, path: a.path, admin: roles.get(a.role)?.admin === true, personalData: roles.get(a.role)?.personalData === true }));
        if (p.phone) own(p.phone, { kind: 'person', personId: String(p.id), paths: grants.map((g) => g.path) });
        if (grants.length > 0) readers.push({ username: p.username, personId: String(p.id), grants });
      }

      const tickets = await db.selectFrom('linli_tickets').select(['id', 'data', 'org_path', 'reporter_id', 'assignee_person_id']).execute();
      ticketIds = tickets.map((t) => String(t.id));
      for (const t of tickets) {
        const data = (typeof t.data === 'string' ? JSON.parse(t.data) : t.data) as Record<string, unknown> | null;
        for (const value of Object.values(data ?? {})) {
          if (typeof value !== 'string') continue;
          for (const m of [...value.matchAll(mobile), ...value.matchAll(idCard)]) {
            own(m[0], { kind: 'ticket', ticketId: String(t.id), orgPath: t.org_path, people: [t.reporter_id, t.assignee_person_id].filter((x) => x !== null).map(String) });
          }
        }
      }
    });
    afterAll(() => server?.close());

    const mayRead = (reader: Reader, owner: Owner, url: string): boolean => {
      if (owner.kind === 'person') {
        return owner.personId === reader.personId || reader.grants.some((g) => g.admin && owner.paths.some((p) => isWithin(p, g.path)));
      }
      if (owner.people.includes(reader.personId)) return true;
      return url === `/api/tickets/${owner.ticketId}` && reader.grants.some((g) => g.personalData && isWithin(owner.orgPath, g.path));
    };

    it('finds no whole phone or ID-card number where its reader may not see it, on any GET route', async () => {
      const routes = server.app.linli.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api') && r.policy !== 'public');
      const urls = routes.flatMap((r) => fillings(r.url, ticketIds.slice(-6)));
      // The walk must reach the plugins' routes too, not only the core's.
      expect(urls.filter((u) => u.startsWith('/api/plugins/')).length).toBeGreaterThan(20);

      const leaks: string[] = [];
      let answered = 0;
      for (const reader of readers) {
        const client = await server.login(reader.username);
        for (const url of urls) {
          const res = await client.get(url);
          if (res.status >= 500) leaks.push(`${reader.username} GET ${url} → ${res.status}`);
          if (res.status !== 200) continue;
          answered++;
          const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
          for (const m of [...text.matchAll(mobile), ...text.matchAll(idCard)]) {
            const known = owners.get(m[0]);
            if (!known) leaks.push(`${reader.username} GET ${url}: ${m[0]} (no known owner)`);
            else if (!known.some((o) => mayRead(reader, o, url))) leaks.push(`${reader.username} GET ${url}: ${m[0]} (${known[0]!.kind})`);
          }
        }
      }
      expect(leaks).toEqual([]);
      // A walk that reads nothing proves nothing.
      expect(answered).toBeGreaterThan(readers.length * 10);
    });
  });
}
