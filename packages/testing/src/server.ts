import { loadDeployment, type CityConfig, type Deployment } from '@linli/core';
import { testBackends, type TestBackend } from '@linli/db/testing';
import type { Database } from '@linli/db';
import { SDK_VERSION, type LinliPlugin } from '@linli/sdk';
import { buildApp, migrateAll, readJsonFile, seedCity, type ServerOptions } from '@linli/server';
import type { FastifyInstance, FastifyServerOptions, InjectOptions, LightMyRequestResponse } from 'fastify';
import { TestClock } from './clock.js';

/** The password of every person in the test city's config (`server.login(username)` uses it). */
export const TEST_PASSWORD = 'test-password';

export interface TestServerOptions extends ServerOptions {
  /** The city: a config object or the path of a linli.config.json. */
  config: CityConfig | string;
  /**
   * The plugins installed, as imported objects (the config chooses which are
   * enabled, with their options). A plugin the config enables but that is not
   * listed here is refused as unknown, like a plugin not installed.
   */
  plugins?: LinliPlugin[];
  /**
   * Database backend; default a fresh in-memory PGlite. Loop over
   * `testBackends()` to run the same tests on PostgreSQL too when
   * DATABASE_URL is set: each backend opens an isolated database.
   */
  backend?: TestBackend;
  /** Seed the enabled plugins' demo history (default false: tests make their own data). */
  demoData?: boolean;
  /** The clock the whole deployment reads (tickets, deadlines, sessions, plugins' `ctx.now()`); default one starting 2026-11-24T01:00:00Z. */
  clock?: TestClock;
  /** A pino logger config (default: no logging). */
  logger?: FastifyServerOptions['logger'];
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
}

/**
 * An HTTP client logged in as one person (or anonymous), calling the app
 * in-process through `app.inject`: no port, no network, the real routes,
 * policies, schemas and error mapping. JSON bodies come back parsed.
 *
 * @example
 * const staff = await server.login('secretary.yongfu');
 * const res = await staff.post('/api/plugins/door-knocking/visits', { buildingOrgId, household: '1单元101', atHome: true });
 * expect(res.status).toBe(201);
 * expect((await staff.get('/api/tickets?workflow=door-knocking.problem')).body.items).toHaveLength(0);
 */
export class TestClient {
  constructor(
    readonly app: FastifyInstance,
    readonly token: string | null,
    readonly personId: string | null,
  ) {}

  async request<T = any>(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await this.app.inject({
      method,
      url,
      headers: { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    });
    const text = res.body;
    let parsed: unknown = text;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && text) parsed = JSON.parse(text);
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }
  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
}

export interface TestServer {
  app: FastifyInstance;
  /** The database, to look things up directly (`database.db.selectFrom('linli_orgs')…`) or check what a request wrote. */
  database: Database<any>;
  deployment: Deployment;
  /** Move it (`clock.advance({ days: 4 })`, `clock.set('2026-12-01T01:00:00Z')`) instead of sleeping. Sessions last 12 hours of this clock: log in again after moving it by days. */
  clock: TestClock;
  /** Logs in through the real login route; every config person has TEST_PASSWORD. */
  login(username: string, password?: string): Promise<TestClient>;
  /** A client with no session: public routes answer, the others 401. */
  anonymous(): TestClient;
  /** Closes the app and the database (and drops a PostgreSQL test schema). Call it in afterAll. */
  close(): Promise<void>;
}

/**
 * A whole deployment in-process: the real database (fresh, isolated),
 * migrations, seeding, the fastify app with every route and plugin, and a
 * clock the test controls.
 *
 * Starting one costs a second or two and ~800 MB on PGlite: share one server
 * per test file (beforeAll/afterAll), not one per test.
 *
 * @example
 * for (const backend of testBackends()) {
 *   describe(`door-knocking on ${backend.name}`, () => {
 *     let server: TestServer;
 *     beforeAll(async () => {
 *       server = await startTestServer({ config: cityConfig, plugins: [doorKnockingPlugin], backend });
 *     });
 *     afterAll(() => server?.close());
 *
 *     it('files a problem', async () => {
 *       const resident = await server.login('resident.hepan');
 *       const res = await resident.post('/api/tickets', { workflow: 'grid-request', orgId, data });
 *       expect(res.status).toBe(201);
 *     });
 *   });
 * }
 */
export async function startTestServer(opts: TestServerOptions): Promise<TestServer> {
  const file = typeof opts.config === 'string' ? opts.config : '<test config>';
  const raw = typeof opts.config === 'string' ? readJsonFile(opts.config) : opts.config;
  const available = opts.plugins ?? [];
  const clock = opts.clock ?? new TestClock();
  const deployment = loadDeployment(raw, { file, available: new Map(available.map((p) => [p.name, p])), sdkVersion: SDK_VERSION, now: clock.now() });
  const plugins = deployment.plugins.map((m) => available.find((p) => p.name === m.name)!);
  const database = await (opts.backend ?? testBackends()[0]!).open();
  try {
    await migrateAll(database, plugins);
    await seedCity(database, deployment, plugins, { demoPassword: TEST_PASSWORD, demoData: opts.demoData ?? false, now: clock.now });
    // The general rate limit counts wall-clock minutes, which tests do not control: off unless a test asks for it.
    const app = await buildApp({ ...opts, rateLimit: opts.rateLimit ?? { anonymousPerMinute: 0, sessionPerMinute: 0 }, deployment, database, plugins, now: clock.now });
    await app.ready();
    return {
      app,
      database,
      deployment,
      clock,
      anonymous: () => new TestClient(app, null, null),
      async login(username, password = TEST_PASSWORD) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
        if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
        const body = JSON.parse(res.body) as { token: string; person: { id: string } };
        return new TestClient(app, body.token, body.person.id);
      },
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
