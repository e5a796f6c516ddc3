import { resolve } from 'node:path';
import { effectiveCity, formatIssues, isLinliError } from '@linli/core';
import { openDatabase } from '@linli/db';
import { loadCity, migrateAll, seedCity, startServer } from '@linli/server';
import { tuneHeapForServing } from './heap.js';
import { serverLogging } from './logging.js';
import type { CommonOptions } from './options.js';

export type Out = (line: string) => void;

/**
 * `linli check`: validates the config and its plugins; prints every problem
 * with its path, then warnings (a calendar that has run out). With
 * `--print-effective`, prints the city as it runs — overrides applied — as JSON.
 */
export async function check(o: CommonOptions, out: Out, err: Out, flags: { printEffective?: boolean } = {}): Promise<number> {
  try {
    const { deployment, plugins } = await loadCity({ configPath: o.config });
    for (const w of deployment.warnings) err(`⚠ ${formatIssues([w])}`);
    if (flags.printEffective) {
      out(JSON.stringify(effectiveCity(deployment), null, 2));
      return 0;
    }
    const count = (n: { children?: unknown[]; side?: unknown[] }): number =>
      1 + [...(n.children ?? []), ...(n.side ?? [])].reduce<number>((s, c) => s + count(c as typeof n), 0);
    out(`✓ ${o.config} is valid: ${count(deployment.config.orgs)} organizations, ${deployment.config.grids?.length ?? 0} grids, ${deployment.config.people?.length ?? 0} people, ${deployment.workflows.list().length} workflows, plugins: ${plugins.map((p) => p.name).join(', ') || 'none'}`);
    return 0;
  } catch (e) {
    return reportError(e, err);
  }
}

/** `linli migrate`: applies pending core and plugin migrations. */
export async function migrate(o: CommonOptions, out: Out, err: Out): Promise<number> {
  try {
    const { plugins } = await loadCity({ configPath: o.config });
    const database = await openDatabase({ url: o.databaseUrl, schema: o.databaseSchema, dataDir: o.dataDir });
    try {
      const applied = await migrateAll(database, plugins);
      out(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
    } finally {
      await database.close();
    }
    return 0;
  } catch (e) {
    return reportError(e, err);
  }
}

/** `linli seed [--demo]`: brings the org tree, grids and people up to the config; with --demo also demo accounts and history. */
export async function seed(o: CommonOptions, demo: boolean, out: Out, err: Out): Promise<number> {
  try {
    const { deployment, plugins } = await loadCity({ configPath: o.config });
    const database = await openDatabase({ url: o.databaseUrl, schema: o.databaseSchema, dataDir: o.dataDir });
    try {
      await migrateAll(database, plugins);
      const r = await seedCity(database, deployment, plugins, { demoPassword: demo ? demoPassword() : undefined });
      out(`Seeded ${r.orgs} organizations, ${r.grids} grids, ${r.people} people, ${r.roles} role assignments${r.seeded.length ? `; demo data of ${r.seeded.join(', ')}` : ''}.`);
    } finally {
      await database.close();
    }
    return 0;
  } catch (e) {
    return reportError(e, err);
  }
}

export const demoPassword = () => process.env.LINLI_DEMO_PASSWORD || 'linli-demo';

/** `LINLI_SESSION_CACHE_MS`: how long a session is reused without asking the database (0: never). */
export function sessionCacheMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.LINLI_SESSION_CACHE_MS;
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 3_600_000) throw new Error(`LINLI_SESSION_CACHE_MS must be a whole number of milliseconds from 0 to 3600000, got "${v}".`);
  return n;
}

/**
 * `LINLI_TRUST_PROXY`: whether to believe the client address a reverse proxy
 * reports (X-Forwarded-For). Unset or `false`: no (the socket's address).
 * `true`: any proxy (only when nothing reaches the server except through it);
 * a number: that many proxy hops; otherwise a comma-separated list of the
 * proxies' addresses or CIDR ranges.
 */
export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean | number | string[] | undefined {
  const v = env.LINLI_TRUST_PROXY?.trim();
  if (v === undefined || v === '' || v === 'false') return undefined;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((s) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(s) && !['loopback', 'linklocal', 'uniquelocal'].includes(s));
  if (bad) throw new Error(`LINLI_TRUST_PROXY must be true, false, a number of hops, or proxy addresses / CIDR ranges separated by commas; "${bad}" is none of these.`);
  return list;
}

/** `LINLI_RATE_LIMIT_ANONYMOUS` / `LINLI_RATE_LIMIT_SESSION` / `LINLI_RATE_LIMIT_API_KEY`: requests per minute per address / per session / per Open311 api_key (0: off). */
export function rateLimit(env: NodeJS.ProcessEnv = process.env): { anonymousPerMinute: number; sessionPerMinute: number; apiKeyPerMinute: number } | undefined {
  const read = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of requests per minute (0 switches the limit off), got "${v}".`);
    return n;
  };
  if (!env.LINLI_RATE_LIMIT_ANONYMOUS && !env.LINLI_RATE_LIMIT_SESSION && !env.LINLI_RATE_LIMIT_API_KEY) return undefined;
  return { anonymousPerMinute: read('LINLI_RATE_LIMIT_ANONYMOUS', 300), sessionPerMinute: read('LINLI_RATE_LIMIT_SESSION', 1200), apiKeyPerMinute: read('LINLI_RATE_LIMIT_API_KEY', 60) };
}

/** `linli serve`: migrate, seed, and serve until Ctrl-C; in-flight requests finish and the database closes. */
export async function serve(o: CommonOptions, flags: { port?: string | undefined; host?: string | undefined; demo: boolean; web?: string | undefined }, out: Out, err: Out): Promise<number> {
  tuneHeapForServing();
  try {
    const password = flags.demo ? demoPassword() : undefined;
    const cacheMs = sessionCacheMs();
    const proxies = trustProxy();
    const limits = rateLimit();
    const server = await startServer({
      ...(cacheMs === undefined ? {} : { sessionCacheMs: cacheMs }),
      ...(proxies === undefined ? {} : { trustProxy: proxies }),
      ...(limits === undefined ? {} : { rateLimit: limits }),
      configPath: o.config,
      databaseUrl: o.databaseUrl,
      databaseSchema: o.databaseSchema,
      dataDir: o.dataDir,
      port: Number(flags.port ?? process.env.PORT ?? 3000),
      host: flags.host ?? process.env.HOST ?? '127.0.0.1',
      demoPassword: password,
      publicUrl: process.env.LINLI_PUBLIC_URL || undefined,
      // As typed (docs: --web apps/web/dist), relative to where the command runs; the static file server needs it absolute.
      webDir: flags.web ? resolve(flags.web) : undefined,
      ...serverLogging(),
    });
    out('');
    for (const w of server.deployment.warnings) err(`⚠ ${formatIssues([w])}`);
    out(`  Linli — ${server.deployment.config.title['zh-CN']} is running at ${server.url}`);
    out(`  API docs: ${server.url}/docs    database: ${o.databaseUrl ? 'PostgreSQL' : `PGlite in ${o.dataDir}`}`);
    if (password) {
      out(`  Demo accounts (password "${password}"):`);
      for (const p of server.deployment.config.people ?? []) out(`    ${p.username.padEnd(22)} ${p.name} — ${p.roles.map((r) => r.role).join(', ')}`);
    }
    out('  Press Ctrl-C to stop.');
    await new Promise<void>((resolveStop) => {
      const stop = (signal: string) => {
        out(`\n${signal}: finishing requests and closing the database…`);
        server.close().then(resolveStop, (e) => (err(String(e)), resolveStop()));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  } catch (e) {
    return reportError(e, err);
  }
}

export function reportError(e: unknown, err: Out): number {
  if (isLinliError(e)) {
    err(`✗ ${e.code}: ${e.message}`);
    if (e.details?.length) err(formatIssues(e.details));
    return 1;
  }
  err(`✗ ${(e as Error).stack ?? String(e)}`);
  return 1;
}
