import { getTicket, jsonb, placesByIds } from '@linli/db';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onePixelPng } from './test-images.js';
import { bundledPlugins, exampleConfig, exampleConfigFile, orgId, requestData } from './test-support.js';

/**
 * Every route × every seeded person × in-scope / out-of-scope, plus anonymous.
 * The route list comes from the running app, so a route added without a row
 * here fails the first test. "in" targets 河畔家园 (Yongfu community, Guangling
 * street); "out" targets 滨河小区 (Qianqiu street).
 */
type Scope = 'in' | 'out';
type Who = string; // a username, or 'anonymous'

/** Who sees a ticket filed at each place (by the admin, so nobody is its reporter). */
const sees: Record<Scope, Set<Who>> = {
  in: new Set(['admin', 'command', 'street.guangling', 'secretary.yongfu', 'staff.yongfu', 'branch.hepan', 'grid.yongfu1']),
  out: new Set(['admin', 'command']),
};
/** Who may file a grid request there. */
const mayCreate: Record<Scope, Set<Who>> = {
  in: new Set(['admin', 'command', 'secretary.yongfu', 'staff.yongfu', 'branch.hepan', 'grid.yongfu1', 'resident.hepan']),
  out: new Set(['admin', 'command']),
};
/** Who may take the "sort" step there. */
const maySort: Record<Scope, Set<Who>> = {
  in: new Set(['secretary.yongfu', 'staff.yongfu', 'branch.hepan', 'grid.yongfu1']),
  out: new Set(),
};
/** Who may blow the whistle (escalation.whistle.roles of the example: grid leader, community and branch secretaries). */
const mayWhistle: Record<Scope, Set<Who>> = { in: new Set(['secretary.yongfu', 'branch.hepan']), out: new Set() };
/** Who may report for urban management (tc-cgj): its officer, and staff roles held above it at the city. */
const reportsForCgj = new Set(['dept.cgj', 'admin', 'command']);
/** Administrators, and where they administer. */
const admins: Record<Scope, Set<Who>> = { in: new Set(['admin', 'secretary.yongfu']), out: new Set(['admin']) };
const anyAdmin = new Set(['admin', 'secretary.yongfu']);

interface Ctx {
  server: TestServer;
  admin: TestClient;
  org: Record<Scope, string>;
  ticket: Record<Scope, string>;
  seq: number;
  /** An Open311 key issued at the "in" compound, made on first use. */
  apiKey?: string;
}

interface RouteCase {
  run(client: TestClient, scope: Scope, ctx: Ctx): Promise<{ status: number; body: any }>;
  expected(who: Who, scope: Scope): number;
}

// An identity service on a loopback port nothing listens on: the sso routes exist, and starting fails at once.
const ssoOnClosedPort = { issuer: 'http://127.0.0.1:9/oidc', clientId: 'linli-matrix', claim: 'sub', matchField: 'username' as const, label: { 'zh-CN': '统一身份认证登录' } };

const authenticated = (ok: number) => (who: Who) => (who === 'anonymous' ? 401 : ok);
const adminOnly = (ok: number, scoped: boolean) => (who: Who, scope: Scope) =>
  who === 'anonymous' ? 401 : (scoped ? admins[scope] : anyAdmin).has(who) ? ok : 403;

async function freshPerson(ctx: Ctx): Promise<string> {
  const res = await ctx.admin.post('/api/people', { username: `matrix${ctx.seq++}`, name: '测试' });
  return res.body.id;
}

/** A person the city admin invited as a volunteer at the scope's org. */
async function invited(ctx: Ctx, s: Scope): Promise<string> {
  const res = await ctx.admin.post('/api/admin/people', { username: `invited${ctx.seq++}`, name: '受邀人', role: 'volunteer', orgId: ctx.org[s] });
  return res.body.person.id;
}

/** Administrators of the person's org manage them; other administrators do not see them (404); everyone else is stopped by the policy. */
const managesPerson = (ok: number) => (who: Who, scope: Scope) => (who === 'anonymous' ? 401 : admins[scope].has(who) ? ok : anyAdmin.has(who) ? 404 : 403);

/** A building the city admin added under the scope's compound (for the org-tree administration rows). */
async function freshBuilding(ctx: Ctx, s: Scope): Promise<string> {
  return (await ctx.admin.post('/api/orgs', { parentId: ctx.org[s], type: 'building', name: `矩阵楼${ctx.seq++}` })).body.id;
}

/** A grid the city admin created at the scope's compound. */
async function freshGrid(ctx: Ctx, s: Scope): Promise<string> {
  return (await ctx.admin.post('/api/admin/grids', { name: `矩阵网格${ctx.seq++}`, orgId: ctx.org[s] })).body.id;
}

/** Orgs and grids outside every subtree an administrator administers are not there for them (404), like people. */
const managesOrg = managesPerson;

/** Only an administrator of the root org (the whole city) may see the job queue. */
const cityAdminOnly = (ok: number) => (who: Who) => (who === 'anonymous' ? 401 : who === 'admin' ? ok : 403);

const cases: Record<string, RouteCase> = {
  'GET /healthz': { run: (c) => c.get('/healthz'), expected: () => 200 },
  'GET /api/openapi.json': { run: (c) => c.get('/api/openapi.json'), expected: () => 200 },
  'GET /api/config': { run: (c) => c.get('/api/config'), expected: () => 200 },
  // The public notice board: anyone, signed in or not, for any place of the tree.
  'GET /api/public/board': { run: (c, s, ctx) => c.get(`/api/public/board?orgId=${ctx.org[s]}`), expected: () => 200 },
  'GET /api/public/tickets/monthly': { run: (c, s, ctx) => c.get(`/api/public/tickets/monthly?orgId=${ctx.org[s]}`), expected: () => 200 },
  // Open311 GeoReport v2: reading is public; filing needs a client's api_key (any session is irrelevant), issued by administrators.
  'GET /open311/v2/services.:format': { run: (c) => c.get('/open311/v2/services.json'), expected: () => 200 },
  'GET /open311/v2/services/:file': { run: (c) => c.get('/open311/v2/services/grid-request.json'), expected: () => 200 },
  'GET /open311/v2/requests.:format': { run: (c) => c.get('/open311/v2/requests.json'), expected: () => 200 },
  'GET /open311/v2/requests/:file': { run: (c, s, ctx) => c.get(`/open311/v2/requests/${ctx.ticket[s]}.json`), expected: () => 200 },
  'GET /open311/v2/tokens/:file': { run: (c) => c.get('/open311/v2/tokens/no-such-token.json'), expected: () => 404 },
  'POST /open311/v2/requests.:format': {
    run: async (c, s, ctx) => {
      const key = ctx.apiKey ?? (ctx.apiKey = (await ctx.admin.post('/api/admin/open311/clients', { name: '矩阵客户端', orgId: ctx.org.in })).body.apiKey as string);
      return c.post('/open311/v2/requests.json', { api_key: key, service_code: 'grid-request', description: '矩阵测试的诉求', 'attribute[category]': '其他', address_id: s === 'in' ? 'hepan' : 'binhe' });
    },
    // A client issued at 河畔家园 files there, whoever's session rides along, and is refused elsewhere.
    expected: (_who, scope) => (scope === 'in' ? 200 : 403),
  },
  'GET /api/admin/open311/clients': { run: (c) => c.get('/api/admin/open311/clients'), expected: adminOnly(200, false) },
  'POST /api/admin/open311/clients': { run: (c, s, ctx) => c.post('/api/admin/open311/clients', { name: '矩阵应用', orgId: ctx.org[s] }), expected: adminOnly(201, true) },
  'POST /api/admin/open311/clients/:id/revoke': {
    run: async (c, s, ctx) => {
      const issued = await ctx.admin.post('/api/admin/open311/clients', { name: '待停用应用', orgId: ctx.org[s] });
      return c.post(`/api/admin/open311/clients/${issued.body.id}/revoke`);
    },
    expected: adminOnly(200, true),
  },
  // Single sign-on (the matrix city names an identity service on a closed loopback port): a
  // browser navigation answered with a page; starting needs the service (502 when it is down),
  // a callback this browser did not start is refused before the service is asked.
  'GET /api/auth/sso/start': { run: (c) => c.get('/api/auth/sso/start'), expected: () => 502 },
  'GET /api/auth/sso/callback': { run: (c) => c.get('/api/auth/sso/callback?code=made-up&state=made-up'), expected: () => 400 },
  'POST /api/auth/login': {
    run: (c, _s, ctx) => c.post('/api/auth/login', { username: `nobody${ctx.seq++}`, password: 'wrong-password' }),
    expected: () => 401,
  },
  'POST /api/auth/logout': {
    // Each call logs out a fresh session, so the matrix's own sessions survive.
    run: async (c, _s, ctx) => (c.token ? (await ctx.server.login(usernameOf(ctx, c))).post('/api/auth/logout') : c.post('/api/auth/logout')),
    expected: authenticated(204),
  },
  'GET /api/me': { run: (c) => c.get('/api/me'), expected: authenticated(200) },
  'GET /api/me/menu': { run: (c) => c.get('/api/me/menu'), expected: authenticated(200) },
  // Links are the credential: a made-up one is gone (410) for everyone, logged in or not.
  // Registration is public; the matrix calls it so it can only fail the same way for everyone (no code is sent, no account made).
  'GET /api/registration': { run: (c) => c.get('/api/registration'), expected: () => 200 },
  'POST /api/registration/code': { run: (c) => c.post('/api/registration/code', { phone: 'not-a-number' }), expected: () => 400 },
  'POST /api/registration': { run: (c, _s, ctx) => c.post('/api/registration', { phone: '13900000000', code: '000000', name: '矩阵', password: '矩阵测试用的足够长的密码', orgId: ctx.org.in }), expected: () => 410 },
  'GET /api/registrations': { run: (c) => c.get('/api/registrations'), expected: authenticated(200) },
  'POST /api/registrations/:personId/confirm': { run: (c) => c.post('/api/registrations/999999/confirm'), expected: authenticated(404) },
  'POST /api/registrations/:personId/reject': { run: (c) => c.post('/api/registrations/999999/reject'), expected: authenticated(404) },
  'POST /api/account/link': { run: (c) => c.post('/api/account/link', { token: 'made-up-token-0123456789' }), expected: () => 410 },
  'POST /api/account/password/set': { run: (c) => c.post('/api/account/password/set', { token: 'made-up-token-0123456789', password: 'a long new password' }), expected: () => 410 },
  'POST /api/account/password': {
    run: (c) => c.post('/api/account/password', { currentPassword: 'not-the-password', newPassword: 'a long new password' }),
    expected: authenticated(403),
  },
  'GET /api/account/sessions': { run: (c) => c.get('/api/account/sessions'), expected: authenticated(200) },
  'DELETE /api/account/sessions/:id': { run: (c) => c.delete('/api/account/sessions/0123456789abcdef'), expected: authenticated(404) },
  'GET /api/admin/people': { run: (c) => c.get('/api/admin/people'), expected: adminOnly(200, false) },
  'POST /api/admin/people': {
    run: (c, s, ctx) => c.post('/api/admin/people', { username: `invite${ctx.seq++}`, name: '新同事', role: 'volunteer', orgId: ctx.org[s] }),
    expected: adminOnly(201, true),
  },
  'POST /api/admin/people/:id/link': { run: async (c, s, ctx) => c.post(`/api/admin/people/${await invited(ctx, s)}/link`), expected: managesPerson(201) },
  'POST /api/admin/people/:id/disable': { run: async (c, s, ctx) => c.post(`/api/admin/people/${await invited(ctx, s)}/disable`), expected: managesPerson(200) },
  'POST /api/admin/people/:id/enable': { run: async (c, s, ctx) => c.post(`/api/admin/people/${await invited(ctx, s)}/enable`), expected: managesPerson(200) },
  // A roster adding a building at the scope's compound: its administrators may; another administrator is told the row is outside their subtrees.
  'POST /api/admin/import': {
    run: (c, s, ctx) => c.request('POST', '/api/admin/import?dryRun=true', `编码,上级编码,类型,名称\nmatrix-b${ctx.seq++},${s === 'in' ? 'hepan' : 'binhe'},building,矩阵楼\n`, { 'content-type': 'text/csv' }),
    expected: (who, scope) => (who === 'anonymous' ? 401 : admins[scope].has(who) ? 200 : anyAdmin.has(who) ? 422 : 403),
  },
  'GET /api/admin/import/sheets': { run: (c) => c.get('/api/admin/import/sheets'), expected: adminOnly(200, false) },
  'GET /api/admin/dead-jobs': { run: (c) => c.get('/api/admin/dead-jobs'), expected: cityAdminOnly(200) },
  // No dead job has this id: the city admin gets 404, everyone else is stopped before.
  'POST /api/admin/dead-jobs/:id/retry': { run: (c) => c.post('/api/admin/dead-jobs/999999/retry'), expected: cityAdminOnly(404) },
  'GET /api/admin/effective-config': { run: (c) => c.get('/api/admin/effective-config'), expected: adminOnly(200, false) },
  'GET /api/admin/orgs': { run: (c) => c.get('/api/admin/orgs'), expected: adminOnly(200, false) },
  'PATCH /api/admin/orgs/:id': { run: async (c, s, ctx) => c.request('PATCH', `/api/admin/orgs/${await freshBuilding(ctx, s)}`, { name: '改名后的楼' }), expected: managesOrg(200) },
  'POST /api/admin/orgs/:id/move': { run: async (c, s, ctx) => c.post(`/api/admin/orgs/${await freshBuilding(ctx, s)}/move`, { parentId: ctx.org[s] }), expected: managesOrg(200) },
  'POST /api/admin/orgs/:id/deactivate': { run: async (c, s, ctx) => c.post(`/api/admin/orgs/${await freshBuilding(ctx, s)}/deactivate`), expected: managesOrg(200) },
  'POST /api/admin/orgs/:id/reactivate': {
    run: async (c, s, ctx) => {
      const building = await freshBuilding(ctx, s);
      await ctx.admin.post(`/api/admin/orgs/${building}/deactivate`);
      return c.post(`/api/admin/orgs/${building}/reactivate`);
    },
    expected: managesOrg(200),
  },
  'GET /api/admin/grids': { run: (c) => c.get('/api/admin/grids'), expected: adminOnly(200, false) },
  'POST /api/admin/grids': { run: (c, s, ctx) => c.post('/api/admin/grids', { name: `新网格${ctx.seq++}`, orgId: ctx.org[s] }), expected: adminOnly(201, true) },
  'PATCH /api/admin/grids/:id': { run: async (c, s, ctx) => c.request('PATCH', `/api/admin/grids/${await freshGrid(ctx, s)}`, { name: '改名后的网格' }), expected: managesOrg(200) },
  'POST /api/admin/grids/:id/covers': { run: async (c, s, ctx) => c.post(`/api/admin/grids/${await freshGrid(ctx, s)}/covers`, { orgId: await freshBuilding(ctx, s) }), expected: managesOrg(200) },
  'DELETE /api/admin/grids/:id/covers/:orgId': {
    run: async (c, s, ctx) => {
      const [grid, building] = [await freshGrid(ctx, s), await freshBuilding(ctx, s)];
      await ctx.admin.post(`/api/admin/grids/${grid}/covers`, { orgId: building });
      return c.delete(`/api/admin/grids/${grid}/covers/${building}`);
    },
    expected: managesOrg(200),
  },
  'GET /api/orgs': { run: (c) => c.get('/api/orgs'), expected: authenticated(200) },
  'GET /api/orgs/:id': { run: (c, s, ctx) => c.get(`/api/orgs/${ctx.org[s]}`), expected: authenticated(200) },
  'POST /api/orgs': {
    run: (c, s, ctx) => c.post('/api/orgs', { key: `matrix-${ctx.seq++}`, parentId: ctx.org[s], type: 'building', name: '新楼栋' }),
    expected: adminOnly(201, true),
  },
  'GET /api/grids': { run: (c) => c.get('/api/grids'), expected: authenticated(200) },
  'GET /api/people': { run: (c) => c.get('/api/people'), expected: authenticated(200) },
  'POST /api/people': {
    run: (c, _s, ctx) => c.post('/api/people', { username: `matrix${ctx.seq++}`, name: '新同事' }),
    expected: adminOnly(201, false),
  },
  'POST /api/people/:id/roles': {
    run: async (c, s, ctx) => c.post(`/api/people/${await freshPerson(ctx)}/roles`, { role: 'volunteer', orgId: ctx.org[s] }),
    expected: adminOnly(201, true),
  },
  'DELETE /api/people/:id/roles/:roleId': {
    run: async (c, s, ctx) => {
      const id = await freshPerson(ctx);
      const granted = await ctx.admin.post(`/api/people/${id}/roles`, { role: 'volunteer', orgId: ctx.org[s] });
      return c.delete(`/api/people/${id}/roles/${granted.body.roles[0].id}`);
    },
    expected: adminOnly(204, true),
  },
  'GET /api/workflows': { run: (c) => c.get('/api/workflows'), expected: authenticated(200) },
  'GET /api/workflows/:id': { run: (c) => c.get('/api/workflows/grid-request'), expected: authenticated(200) },
  'GET /api/forms/:id': { run: (c) => c.get('/api/forms/grid-request.intake'), expected: authenticated(200) },
  'GET /api/roles': { run: (c) => c.get('/api/roles'), expected: authenticated(200) },
  'POST /api/tickets': {
    run: (c, s, ctx) => c.post('/api/tickets', { workflow: 'grid-request', orgId: ctx.org[s], data: requestData() }),
    expected: (who, scope) => (who === 'anonymous' ? 401 : mayCreate[scope].has(who) ? 201 : 403),
  },
  'GET /api/tickets': {
    run: async (c, s, ctx) => {
      const res = await c.get('/api/tickets?limit=200');
      // The list must show the ticket exactly to those who may see it.
      if (res.status === 200) {
        const listed = res.body.items.some((t: { id: string }) => t.id === ctx.ticket[s]);
        return { status: listed ? 200 : 299, body: res.body };
      }
      return res;
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : sees[scope].has(who) ? 200 : 299),
  },
  'GET /api/tickets/:id': {
    run: (c, s, ctx) => c.get(`/api/tickets/${ctx.ticket[s]}`),
    expected: (who, scope) => (who === 'anonymous' ? 401 : sees[scope].has(who) ? 200 : 404),
  },
  'POST /api/tickets/:id/transitions': {
    run: async (c, s, ctx) => {
      const t = await ctx.admin.post('/api/tickets', { workflow: 'grid-request', orgId: ctx.org[s], data: requestData() });
      return c.post(`/api/tickets/${t.body.id}/transitions`, { action: 'sort', version: 1, data: { category: '其他', urgency: '缓' } });
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : maySort[scope].has(who) ? 200 : sees[scope].has(who) ? 403 : 404),
  },
  'POST /api/attachments': {
    run: (c) => c.request('POST', '/api/attachments', onePixelPng(), { 'content-type': 'image/png' }),
    expected: authenticated(201),
  },
  'GET /api/attachments/:id': {
    // A photo the admin filed with a ticket: visible exactly to those who see the ticket.
    run: async (c, s, ctx) => {
      const photo = await ctx.admin.request('POST', '/api/attachments', onePixelPng(), { 'content-type': 'image/png' });
      await ctx.admin.post('/api/tickets', { workflow: 'grid-request', orgId: ctx.org[s], data: { ...requestData(), photos: [photo.body.id] } });
      return c.get(`/api/attachments/${photo.body.id}`);
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : sees[scope].has(who) ? 200 : 404),
  },
  'GET /api/dashboard': { run: (c, s, ctx) => c.get(`/api/dashboard?orgId=${ctx.org[s]}`), expected: authenticated(200) },
  'GET /api/dashboard.csv': { run: (c, s, ctx) => c.get(`/api/dashboard.csv?orgId=${ctx.org[s]}`), expected: authenticated(200) },
  'GET /api/dashboard/satisfaction': { run: (c, s, ctx) => c.get(`/api/dashboard/satisfaction?orgId=${ctx.org[s]}`), expected: authenticated(200) },
  'GET /api/forms/:id/validator.js': { run: (c) => c.get('/api/forms/grid-request.intake/validator.js'), expected: authenticated(200) },
  'POST /api/tickets/:id/whistle': {
    run: async (c, s, ctx) => {
      const t = await ctx.admin.post('/api/tickets', { workflow: 'grid-request', orgId: ctx.org[s], data: requestData() });
      return c.post(`/api/tickets/${t.body.id}/whistle`, { reason: '矩阵测试吹哨' });
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : mayWhistle[scope].has(who) ? 201 : sees[scope].has(who) ? 403 : 404),
  },
  'GET /api/tickets/:id/escalations': {
    run: (c, s, ctx) => c.get(`/api/tickets/${ctx.ticket[s]}/escalations`),
    expected: (who, scope) => (who === 'anonymous' ? 401 : sees[scope].has(who) ? 200 : 404),
  },
  'POST /api/tickets/:id/escalations/:escalationId/report': {
    // Urban management is called onto a fresh ticket: its staff and those above it report; the others who see it may not.
    run: async (c, s, ctx) => {
      const t = await ctx.admin.post('/api/tickets', { workflow: 'grid-request', orgId: ctx.org[s], data: requestData() });
      const escalationId = await callOnto(ctx, t.body.id, 'tc-cgj');
      return c.post(`/api/tickets/${t.body.id}/escalations/${escalationId}/report`, {});
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : reportsForCgj.has(who) ? 200 : sees[scope].has(who) || who === 'dept.cgj' ? 403 : 404),
  },
  'GET /api/escalations': { run: (c) => c.get('/api/escalations?pending=true'), expected: authenticated(200) },
  'GET /api/tickets/deadlines': { run: (c, s, ctx) => c.get(`/api/tickets/deadlines?orgId=${ctx.org[s]}`), expected: authenticated(200) },
  'GET /api/notifications': { run: (c) => c.get('/api/notifications'), expected: authenticated(200) },
  'GET /api/me/notification-preferences': { run: (c) => c.get('/api/me/notification-preferences'), expected: authenticated(200) },
  'PUT /api/me/notification-preferences': { run: (c) => c.request('PUT', '/api/me/notification-preferences', { channels: {}, quietHours: null }), expected: authenticated(200) },
  'POST /api/notifications/:id/read': {
    // A notification for the admin: only the admin may mark it read; for anyone else it does not exist.
    run: async (c, _s, ctx) => {
      const admin = await ctx.server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
      const row = await ctx.server.database.db
        .insertInto('linli_notifications')
        .values({ person_id: admin.id, kind: 'ticket.overdue', ticket_id: null, title: jsonb({ 'zh-CN': '矩阵' }), data: jsonb({}), created_at: ctx.server.clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return c.post(`/api/notifications/${row.id}/read`);
    },
    expected: (who) => (who === 'anonymous' ? 401 : who === 'admin' ? 200 : 404),
  },
};

/** Calls an org onto a ticket as an overdue escalation would, and returns the escalation's id. */
async function callOnto(ctx: Ctx, ticketId: string, orgKey: string): Promise<string> {
  const { app, clock } = ctx.server;
  const org = await orgId(ctx.server, orgKey);
  return app.linli.db.transaction().execute(async (trx) => {
    const ticket = (await getTicket(trx, ticketId, { forUpdate: true }))!;
    const [place] = await placesByIds(trx, [org]);
    const raised = await app.linli.escalations.raise(trx, { ticket, kind: 'overdue', targets: [{ org: place!, lead: true, limit: { hours: 24 } }], reason: '矩阵测试', raisedBy: null, now: clock.now() });
    return raised!.escalationIds[0]!;
  });
}

const clientsByToken = new Map<string, string>();
function usernameOf(_ctx: Ctx, c: TestClient): string {
  return clientsByToken.get(c.token ?? '') ?? 'anonymous';
}

for (const backend of testBackends()) {
  describe(`authorization matrix on ${backend.name}`, () => {
    let server: TestServer;
    let ctx: Ctx;
    const people: Who[] = [];
    const clients = new Map<Who, TestClient>();

    beforeAll(async () => {
      server = await startTestServer({ config: { ...exampleConfig, sso: ssoOnClosedPort }, plugins: [gridRequestsPlugin], backend });
      const admin = await server.login('admin');
      const org = { in: await orgId(server, 'hepan'), out: await orgId(server, 'binhe') };
      const ticket = {
        in: (await admin.post('/api/tickets', { workflow: 'grid-request', orgId: org.in, data: requestData() })).body.id,
        out: (await admin.post('/api/tickets', { workflow: 'grid-request', orgId: org.out, data: requestData() })).body.id,
      };
      ctx = { server, admin, org, ticket, seq: 1 };
      for (const p of server.deployment.config.people ?? []) {
        people.push(p.username);
        const client = await server.login(p.username);
        clients.set(p.username, client);
        clientsByToken.set(client.token!, p.username);
      }
      clients.set('anonymous', server.anonymous());
    });
    afterAll(() => server?.close());

    it('has a row for every route the app serves', () => {
      const routes = server.app.linli.routes.map((r) => `${r.method} ${r.url}`);
      const missing = routes.filter((r) => !cases[r]);
      expect(missing, 'routes without an authorization row: add them to authz-matrix.test.ts').toEqual([]);
    });

    it('answers every route × person × scope as expected', async () => {
      const mismatches: string[] = [];
      for (const route of server.app.linli.routes) {
        const key = `${route.method} ${route.url}`;
        const c = cases[key];
        if (!c) continue;
        for (const who of [...people, 'anonymous']) {
          for (const scope of ['in', 'out'] as const) {
            const res = await c.run(clients.get(who)!, scope, ctx);
            const want = c.expected(who, scope);
            if (res.status !== want) mismatches.push(`${key} as ${who} (${scope}): got ${res.status}, expected ${want} ${JSON.stringify(res.body).slice(0, 120)}`);
            // Open311 errors are the GeoReport list, [{ code: status, description }].
            const coded =
              typeof res.body?.code === 'string' ||
              (key.includes(' /open311/') && typeof res.body?.[0]?.code === 'number') ||
              // Single sign-on refusals are pages (the browser came from the identity service) naming their code.
              (key.startsWith('GET /api/auth/sso/') && typeof res.body === 'string' && /LINLI_ERR_SSO_[A-Z]+/.test(res.body));
            if (res.status >= 400 && res.status !== 299 && !coded) mismatches.push(`${key} as ${who} (${scope}): error without a code`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
}

/**
 * The whole example city, all six plugins, with its demo history: every
 * route every plugin serves, as every seeded person and anonymously. Rows are
 * generated from the route table, so a plugin route cannot be missed:
 * anonymous callers get 401, `admin` routes 403 for non-administrators, no
 * answer is a 5xx or an error without a code, and no answer to someone who
 * administers nobody carries another person's whole phone number.
 */
for (const backend of testBackends()) {
  describe(`authorization matrix of every bundled plugin on ${backend.name}`, () => {
    let server: TestServer;
    const clients = new Map<Who, TestClient>();
    const phones = new Map<string, string>();
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfigFile, plugins: bundledPlugins, backend, demoData: true, loginLimit: { perAccountAndAddress: 1e6, perAccount: 1e6, perAddress: 1e6, windowMinutes: 1 } });
      for (const p of server.deployment.config.people ?? []) {
        clients.set(p.username, await server.login(p.username));
        if (p.phone) phones.set(p.username, p.phone);
      }
      clients.set('anonymous', server.anonymous());
    }, 300_000);
    afterAll(() => server?.close());

    it('serves routes of every plugin the city enables, each with a policy', () => {
      for (const plugin of bundledPlugins.filter((p) => p.routes)) {
        expect(server.app.linli.routes.some((r) => r.url.startsWith(`/api/plugins/${plugin.name}/`)), plugin.name).toBe(true);
      }
    });

    it('compiles every route’s validators and response serializers (compiled on first use in the server)', () => {
      // Throws on a schema ajv or fast-json-stringify cannot compile; a route would otherwise fail only when first called.
      expect(server.app.compileRouteSchemas()).toBeGreaterThan(server.app.linli.routes.length);
    });

    it('answers every plugin route × person: 401 anonymous, 403 non-admins on admin routes, never 5xx, and no stranger’s whole phone', async () => {
      const mismatches: string[] = [];
      const routes = server.app.linli.routes.filter((r) => r.url.startsWith('/api/plugins/') || (r.method === 'GET' && r.url.startsWith('/api/')));
      for (const route of routes) {
        const url = route.url.replace(/:(\w+)/g, '1');
        for (const [who, client] of clients) {
          const res = await client.request(route.method as 'GET', url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
          const key = `${route.method} ${route.url} as ${who}`;
          if (res.status >= 500) mismatches.push(`${key}: ${res.status}`);
          if (res.status >= 400 && typeof res.body?.code !== 'string') mismatches.push(`${key}: ${res.status} without a code`);
          if (who === 'anonymous' && route.policy !== 'public' && res.status !== 401) mismatches.push(`${key}: ${res.status}, expected 401`);
          const isAdmin = server.deployment.config.people?.find((p) => p.username === who)?.roles.some((r) => r.role === 'admin') ?? false;
          if (who !== 'anonymous' && route.policy === 'admin' && !isAdmin && res.status !== 403) mismatches.push(`${key}: ${res.status}, expected 403`);
          if (!isAdmin && res.status < 300) {
            const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
            for (const [owner, phone] of phones) if (owner !== who && text.includes(phone)) mismatches.push(`${key}: shows ${owner}'s phone ${phone}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    }, 900_000);
  });
}
