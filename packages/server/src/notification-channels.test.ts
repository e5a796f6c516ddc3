import { randomBytes } from 'node:crypto';
import { loadDeployment, type CityConfig } from '@linli/core';
import { openDatabase, type Database } from '@linli/db';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { SDK_VERSION } from '@linli/sdk';
import { startTestServer, TestClient, TestClock, TEST_PASSWORD, testBackends, type TestServer } from '@linli/testing';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { migrateAll, seedCity } from './start.js';
import { escalationCity } from './test-escalation-city.js';
import { fakeProviders, fakeSmtp } from './test-notify-fakes.js';
import { orgId, requestData } from './test-support.js';

const SMS_SECRET = 'sms-access-key-secret-for-tests';

/** The example city with every channel configured against the local fakes. */
function channelCity(base: string): CityConfig {
  const city = escalationCity({
    notifications: {
      email: { from: '天长市邻里 <noreply@tianchang.example.org>' },
      sms: { provider: 'aliyun', signName: '天长邻里', endpoint: base, templates: { 'ticket.status': { 'zh-CN': 'SMS_100', en: 'SMS_101' }, 'ticket.overdue': { 'zh-CN': 'SMS_200' }, 'ticket.whistle': { 'zh-CN': 'SMS_300' } } },
      wecom: { endpoint: base, app: { corpId: 'ww0123', agentId: 1000002 }, robot: { kinds: ['ticket.whistle'] } },
    },
  });
  // The urban-management officer reads English and is on WeCom.
  const cgj = city.people!.find((p) => p.username === 'dept.cgj')!;
  Object.assign(cgj, { locale: 'en', wecomUserId: 'cgj.officer' });
  return city;
}

const envFor = (smtpUrl: string) => ({
  LINLI_SMTP_URL: smtpUrl,
  LINLI_SMS_ACCESS_KEY_ID: 'test-key-id',
  LINLI_SMS_ACCESS_KEY_SECRET: SMS_SECRET,
  LINLI_WECOM_APP_SECRET: 'wecom-secret',
  LINLI_WECOM_ROBOT_KEY: 'robot-key',
});

interface World {
  login(username: string): Promise<TestClient>;
  /** Moves the clock and runs the due jobs (on every instance at once). */
  run(at: string | number): Promise<void>;
  db: Database<any>['db'];
  clock: TestClock;
}

type Fakes = Awaited<ReturnType<typeof fakeProviders>> & { smtp: Awaited<ReturnType<typeof fakeSmtp>> };

/**
 * A ticket filed by a resident, dispatched to urban management, going overdue
 * and whistled, with the SMS provider down for a moment. Each person gets what
 * their preferences say, once, in their language.
 */
async function story(w: World, f: Fakes) {
  const T0 = Date.parse('2026-11-24T01:00:00Z'); // Tuesday 09:00 in Tianchang
  const hours = (h: number) => T0 + h * 3_600_000;
  w.clock.set(new Date(T0));
  const hepan = String((await w.db.selectFrom('linli_orgs').select('id').where('key', '=', 'hepan').executeTakeFirstOrThrow()).id);

  // The officer wants overdue marks by e-mail only; the resident keeps the city's defaults.
  const cgj = await w.login('dept.cgj');
  const chosen = await cgj.request('PUT', '/api/me/notification-preferences', { channels: { 'ticket.overdue': ['email'] }, quietHours: null });
  expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
  expect(chosen.body.kinds.find((k: { id: string }) => k.id === 'ticket.overdue')).toMatchObject({ channels: ['email'], chosen: true });
  expect(chosen.body.available).toEqual(['email', 'sms', 'wecom']);

  const resident = await w.login('resident.hepan');
  // A resident is offered what reaches residents, not staff's assignments and deadlines.
  expect((await resident.get('/api/me/notification-preferences')).body.kinds.map((k: { id: string }) => k.id)).toEqual(['ticket.status']);
  const filed = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: { ...requestData('公共设施问题'), category: '公共设施' } });
  expect(filed.status).toBe(201);
  const id: string = filed.body.id;
  expect((await (await w.login('grid.yongfu1')).post(`/api/tickets/${id}/transitions`, { action: 'sort', version: 1, data: { category: '公共设施', urgency: '急' } })).status).toBe(200);
  // The SMS provider is down when the dispatch is answered: the request does not wait for it.
  f.failSms.next = 1;
  const dispatched = await (await w.login('staff.yongfu')).post(`/api/tickets/${id}/transitions`, { action: 'dispatch', version: 2, data: {} });
  expect(dispatched.status).toBe(200);
  expect(f.sms).toEqual([]);
  expect(f.smtp.mails).toEqual([]);

  await w.run(T0);
  // The resident: both status changes by SMS (approved template, signature, Chinese) and by e-mail; one SMS failed and waits for its retry.
  const residentSms = () => f.sms.filter((s) => s.phone === '13805501014');
  expect(residentSms()).toHaveLength(1);
  await w.run(T0 + 30_000);
  expect(residentSms()).toHaveLength(2);
  for (const s of residentSms()) {
    expect(s).toMatchObject({ signName: '天长邻里', templateCode: 'SMS_100', signatureValid: true, params: { ticketId: id, ticketTitle: '公共设施问题' } });
    expect(Object.keys(s.params).sort()).toEqual(['deadline', 'state', 'ticketId', 'ticketTitle'].filter((k) => k in s.params).sort());
  }
  expect(residentSms().map((s) => s.params.state).sort()).toEqual(['已梳理', '已派单']);
  const residentMail = f.smtp.mails.filter((m) => m.to.includes('resident.hepan@example.org'));
  expect(residentMail.map((m) => m.subject).sort()).toEqual(['诉求进展：公共设施问题', '诉求进展：公共设施问题']);
  expect(residentMail.every((m) => m.notice === 'ticket.status' && /您反映的“公共设施问题”现为：/.test(m.text))).toBe(true);

  // The officer: the assignment on WeCom and by e-mail, in English.
  expect(f.wecom.filter((m) => m.touser === 'cgj.officer').map((m) => m.content)).toEqual([`Assigned to you: 公共设施问题\nTicket #${id} "公共设施问题" is assigned to you.`]);
  const cgjMail = () => f.smtp.mails.filter((m) => m.to.includes('dept.cgj@example.org'));
  expect(cgjMail().map((m) => m.subject)).toEqual(['Assigned to you: 公共设施问题']);

  // The reminder before the deadline follows the defaults (WeCom and e-mail); the overdue mark at the
  // deadline (Friday 09:00) only e-mail, as the officer chose, and no SMS although the city sends overdue marks by SMS.
  await w.run(hours(72) + 60_000);
  // External deliveries run side by side: compare as sets.
  expect(cgjMail().map((m) => m.subject).sort()).toEqual(['Assigned to you: 公共设施问题', 'Due soon: 公共设施问题', 'Overdue: 公共设施问题']);
  expect(cgjMail().find((m) => m.notice === 'ticket.overdue')!.text).toBe(`Ticket #${id} "公共设施问题" has been overdue since 2026-11-27 09:00.`);
  expect(f.sms.filter((s) => s.phone === '13805501009')).toEqual([]);
  expect(f.wecom.filter((m) => m.touser === 'cgj.officer').map((m) => m.content.split('\n')[0]).sort()).toEqual(['Assigned to you: 公共设施问题', 'Due soon: 公共设施问题']);

  // The compound's branch secretary whistles: the group robot posts it (no names), the units called get an SMS.
  w.clock.set(new Date(hours(97)));
  const whistle = await (await w.login('branch.hepan')).post(`/api/tickets/${id}/whistle`, { reason: '需要多部门联合处置，联系人张三13900000000' });
  expect(whistle.status).toBe(201);
  await w.run(hours(97));
  expect(f.robot).toHaveLength(1);
  expect(f.robot[0]).toMatch(/^吹哨报到：公共设施问题\n工单#\d+吹哨，请.+于.+前报到。$/);
  const whistleSms = f.sms.filter((s) => s.templateCode === 'SMS_300');
  expect(whistleSms.length).toBeGreaterThan(0);
  // Nobody's personal data: the free-text reason (with a name and number in it) stays in the app.
  for (const s of [...whistleSms]) expect(JSON.stringify(s.params)).not.toMatch(/张三|13900000000/);
  expect(f.robot[0]).not.toMatch(/张三|13900000000/);

  // Later passes send nothing again: each delivery went once.
  const counts = () => [f.sms.length, f.smtp.mails.length, f.wecom.length, f.robot.length];
  const before = counts();
  await w.run(hours(98));
  await w.run(hours(120));
  expect(counts()).toEqual(before);
  const perDelivery = new Map<string, number>();
  for (const m of f.smtp.mails) perDelivery.set(m.messageId, (perDelivery.get(m.messageId) ?? 0) + 1);
  expect([...perDelivery.values()].every((n) => n === 1)).toBe(true);
  const smsKeys = f.sms.map((s) => `${s.phone}:${s.templateCode}:${JSON.stringify(s.params)}`);
  expect(new Set(smsKeys).size).toBe(smsKeys.length);
  return { id };
}

for (const backend of testBackends()) {
  describe(`notifications through e-mail, SMS and WeCom on ${backend.name}`, () => {
    let server: TestServer;
    let fakes: Fakes;
    beforeAll(async () => {
      const providers = await fakeProviders(SMS_SECRET);
      fakes = Object.assign(providers, { smtp: await fakeSmtp() });
      server = await startTestServer({ config: channelCity(providers.base), plugins: [gridRequestsPlugin], backend, sessionHours: 24 * 365, env: envFor(fakes.smtp.url) });
    });
    afterAll(async () => {
      await server?.close();
      await fakes?.close();
      await fakes?.smtp.close();
    });

    it('tells each person what their preferences say, once, in their language, through local fakes of every provider', async () => {
      await story(
        {
          login: (u) => server.login(u),
          run: async (at) => {
            server.clock.set(new Date(at));
            await server.app.linli.jobs.runDueJobs(server.clock.now());
          },
          db: server.database.db,
          clock: server.clock,
        },
        fakes,
      );
    });

    it('holds deliveries until quiet hours end', async () => {
      const staff = await server.login('staff.yongfu');
      const saved = await staff.request('PUT', '/api/me/notification-preferences', { channels: { 'ticket.assigned': ['email'] }, quietHours: { start: '22:00', end: '07:00' } });
      expect(saved.status).toBe(200);
      const hepan = await orgId(server, 'hepan');
      server.clock.set('2026-12-01T15:00:00Z'); // 23:00 in Tianchang
      const resident = await server.login('resident.hepan');
      const t = (await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData('夜里报的事') })).body;
      expect((await (await server.login('grid.yongfu1')).post(`/api/tickets/${t.id}/transitions`, { action: 'sort', version: 1, data: { category: '其他', urgency: '急' } })).status).toBe(200);
      const dispatched = await (await server.login('secretary.yongfu')).post(`/api/tickets/${t.id}/transitions`, { action: 'dispatch', version: 2, data: { assigneeOrgId: await orgId(server, 'yongfu') } });
      expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
      const toStaff = () => fakes.smtp.mails.filter((m) => m.to.includes('staff.yongfu@example.org') && m.subject.includes('夜里报的事'));
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(toStaff()).toEqual([]);
      server.clock.set('2026-12-01T22:59:00Z'); // 06:59
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(toStaff()).toEqual([]);
      server.clock.set('2026-12-01T23:00:00Z'); // 07:00
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(toStaff().map((m) => m.subject)).toEqual(['新工单：夜里报的事']);
    });
  });
}

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('notifications with two server instances on one PostgreSQL', () => {
  const schema = `t_notify2_${randomBytes(4).toString('hex')}`;
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  it('delivers each notice to each person on each channel once, whichever instance runs the job', async () => {
    const providers = await fakeProviders(SMS_SECRET);
    const fakes: Fakes = Object.assign(providers, { smtp: await fakeSmtp() });
    closers.push(async () => (await fakes.close(), await fakes.smtp.close()));
    const clock = new TestClock('2026-11-24T01:00:00Z');
    const plugins = [gridRequestsPlugin];
    const deployment = loadDeployment(channelCity(providers.base), { file: 'example', available: new Map([['grid-requests', gridRequestsPlugin]]), sdkVersion: SDK_VERSION });
    const apps: FastifyInstance[] = [];
    let first: Database<any> | null = null;
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ url, schema });
      if (i === 0) {
        first = database;
        await migrateAll(database, plugins);
        await seedCity(database, deployment, plugins, { demoPassword: TEST_PASSWORD, demoData: false, now: clock.now });
      }
      const app = await buildApp({ deployment, database, plugins, now: clock.now, env: envFor(fakes.smtp.url), sessionHours: 24 * 365, rateLimit: { anonymousPerMinute: 0, sessionPerMinute: 0 }, jobs: { workerId: `instance-${i}` } });
      await app.ready();
      closers.push(async () => (await app.close(), await database.close()));
      apps.push(app);
    }
    let turn = 0;
    await story(
      {
        async login(username) {
          // Requests alternate between the instances.
          const app = apps[turn++ % 2]!;
          const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
          const body = res.json() as { token: string; person: { id: string } };
          return new TestClient(app, body.token, body.person.id);
        },
        async run(at) {
          clock.set(new Date(at));
          await Promise.all(apps.map((a) => a.linli.jobs.runDueJobs(clock.now())));
        },
        db: first!.db,
        clock,
      },
      fakes,
    );
  });
});
