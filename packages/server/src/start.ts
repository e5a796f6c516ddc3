import { loadDeployment, type Deployment } from '@linli/core';
import { insertAttachment, loadActor, migrateCore, migrateNamespace, openDatabase, seedOnce, syncCityStructure, type CoreTables, type Database } from '@linli/db';
import { SDK_VERSION, type LinliPlugin, type SeedContext } from '@linli/sdk';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { dirname, resolve } from 'node:path';
import { mintActor } from './actor-mint.js';
import { buildApp } from './app.js';
import { hashPassword } from './auth/password.js';
import { readJsonFile } from './config-file.js';
import { findInstalledPlugins } from './discover.js';
import { createLinliServices } from './services/linli-services.js';
import type { ServerOptions } from './types.js';

export interface DeploymentSource {
  /** Path of the city's linli.config.json. */
  configPath: string;
  /** Installed plugins; discovered from node_modules when absent. */
  available?: LinliPlugin[];
}

/** Reads and checks a city config with the installed plugins; throws LINLI_ERR_CONFIG_INVALID listing every problem. */
export async function loadCity(src: DeploymentSource): Promise<{ deployment: Deployment; plugins: LinliPlugin[] }> {
  const raw = readJsonFile(src.configPath);
  let available = src.available;
  let installed: string[] | undefined;
  if (!available) {
    // Import only what the config enables: an unbuilt or broken plugin the city does not use cannot stop it.
    const found = findInstalledPlugins(dirname(resolve(src.configPath)));
    installed = [...found.keys()];
    const enabled = Object.keys((raw as { plugins?: Record<string, unknown> } | null)?.plugins ?? {});
    available = await Promise.all(enabled.filter((n) => found.has(n)).map((n) => found.get(n)!.load()));
  }
  const deployment = loadDeployment(raw, { file: src.configPath, available: new Map(available.map((p) => [p.name, p])), installed, sdkVersion: SDK_VERSION });
  const byName = new Map(available.map((p) => [p.name, p]));
  return { deployment, plugins: deployment.plugins.map((p) => byName.get(p.name)!) };
}

/** Core migrations, then each plugin's, each in its own namespace. */
export async function migrateAll(database: Database<CoreTables>, plugins: readonly LinliPlugin[]): Promise<string[]> {
  const applied = await migrateCore(database.db);
  for (const p of plugins) if (p.migrations) applied.push(...(await migrateNamespace(database.db, p.name, p.migrations)));
  return applied;
}

export interface SeedOptions {
  /** Demo mode: staff accounts get this password and plugins seed their demo history. */
  demoPassword?: string | undefined;
  /** Seed the plugins' demo history too (default: whenever demoPassword is given). */
  demoData?: boolean;
  now?: () => Date;
}

/**
 * Brings the database up to the config (org tree, grids, people) and, in demo
 * mode, seeds each plugin's demo data once. Safe to run on every start.
 */
export async function seedCity(database: Database<CoreTables>, deployment: Deployment, plugins: readonly LinliPlugin[], opts: SeedOptions = {}) {
  const passwordHash = opts.demoPassword ? await hashPassword(opts.demoPassword) : undefined;
  const report = await database.db.transaction().execute((trx) => syncCityStructure(trx, deployment.config, deployment.orgTypes, { passwordHash }));
  const seeded: string[] = [];
  if (opts.demoPassword && opts.demoData !== false) {
    const clock = opts.now ?? (() => new Date());
    // A seed may move the clock (SeedContext.at) to write history that spans months.
    let frozen: Date | null = null;
    const now = () => frozen ?? clock();
    // Seeds go through the same ticket service as requests, with hooks; no HTTP app is needed.
    const services = createLinliServices({ deployment, database, plugins, now });
    // Seeds may rely on what the plugins' init sets up (their tables in step with the config).
    await services.init();
    for (const p of plugins) {
      if (!p.seed) continue;
      const ran = await seedOnce(database.db, `demo:${p.name}`, async (trx) => {
        const base = services.pluginContext(p.name);
        const ctx: SeedContext = {
          ...base,
          db: trx,
          tickets: base.tickets,
          demo: true,
          orgId: async (key) => String((await trx.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id),
          personId: async (username) => String((await trx.selectFrom('linli_people').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id),
          actor: async (username) => mintActor(await loadActor(trx, (await trx.selectFrom('linli_people').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id, deployment.roles)),
          photo: async (username, bytes, contentType) => {
            const uploader = (await trx.selectFrom('linli_people').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
            return (await insertAttachment(trx, { uploaderId: String(uploader), contentType, bytes, now: now() })).id;
          },
          at: async (when, fn) => {
            const before = frozen;
            frozen = when;
            try {
              return await fn();
            } finally {
              frozen = before;
            }
          },
        };
        await p.seed!(ctx);
      });
      if (ran) seeded.push(p.name);
    }
  }
  return { ...report, seeded };
}

export interface StartOptions extends DeploymentSource, ServerOptions {
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
  dataDir?: string | undefined;
  port?: number;
  host?: string;
  demoPassword?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** Run the job worker in this process (default true); several instances may each run one. */
  worker?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  database: Database<CoreTables>;
  deployment: Deployment;
  close(): Promise<void>;
}

/** Everything `npm start` and `linli serve` do: check, open, migrate, seed, serve. */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const { deployment, plugins } = await loadCity(opts);
  const database = await openDatabase({ url: opts.databaseUrl, schema: opts.databaseSchema, dataDir: opts.databaseUrl ? undefined : opts.dataDir });
  try {
    await migrateAll(database, plugins);
    await seedCity(database, deployment, plugins, { demoPassword: opts.demoPassword, now: opts.now });
    const usernames = opts.demoPassword ? (deployment.config.people ?? []).map((p) => p.username) : [];
    const app = await buildApp({
      ...opts,
      deployment,
      database,
      plugins,
      demo: opts.demoPassword ? { password: opts.demoPassword, usernames } : undefined,
    });
    // A calendar that has run out does not stop the city, but every working-day deadline would be wrong.
    for (const w of deployment.warnings) app.log.warn({ path: w.path, expected: w.expected }, `${w.file}:${w.path} ${w.message}`);
    const url = await app.listen({ port: opts.port ?? 3000, host: opts.host ?? '127.0.0.1' });
    if (opts.worker !== false) app.linli.jobs.start();
    let closing: Promise<void> | undefined;
    return {
      app,
      url,
      database,
      deployment,
      close: () =>
        (closing ??= (async () => {
          await app.close();
          await database.close();
        })()),
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
