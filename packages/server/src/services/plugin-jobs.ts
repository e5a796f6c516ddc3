import { ajvErrorsToDetails, createAjv } from '@linli/core';
import { cancelJob, PermanentJobError, type JobHandler, type JobRunner } from '@linli/jobs';
import type { LinliPlugin, PluginContext, PluginJobDefinition, PluginJobs } from '@linli/sdk';

type Validate = ((data: unknown) => boolean) & { errors?: Parameters<typeof ajvErrorsToDetails>[0] };

interface DeclaredJob {
  plugin: string;
  def: PluginJobDefinition;
  validate: Validate | null;
}

const jobName = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const MAX_KEY = 200;

/**
 * The job kinds the enabled plugins declare, checked when the services are
 * built (so at start, before any request): each named `<plugin>.<job>`, none
 * twice, each payload schema compiled. A mistake stops the start naming the
 * plugin and the kind.
 */
export function declaredPluginJobs(plugins: readonly LinliPlugin[]): ReadonlyMap<string, DeclaredJob> {
  const ajv = createAjv();
  const all = new Map<string, DeclaredJob>();
  for (const p of plugins) {
    for (const def of p.jobs ?? []) {
      if (!def.kind.startsWith(`${p.name}.`) || !jobName.test(def.kind)) {
        throw new Error(`Plugin "${p.name}" declares the job kind "${def.kind}": job kinds are named "${p.name}.<job>" (lowercase, like "${p.name}.finish-meeting").`);
      }
      if (all.has(def.kind)) throw new Error(`Plugin "${p.name}" declares the job kind "${def.kind}" twice.`);
      if (typeof def.handler !== 'function') throw new Error(`Plugin "${p.name}": the job kind "${def.kind}" has no handler.`);
      all.set(def.kind, { plugin: p.name, def, validate: def.payloadSchema ? ajv.compile(def.payloadSchema) : null });
    }
  }
  return all;
}

/** Keys live in one table with the core's: the plugin's name in front keeps each plugin to its own. */
const storedKey = (plugin: string, key: string) => `plugin:${plugin}:${key}`;

const problems = (v: Validate) => ajvErrorsToDetails(v.errors).map((e) => `${e.path || '/'} ${e.message}`).join('; ');

/** `ctx.jobs` of one plugin: schedules only the kinds it declared, in the caller's transaction, on the core's runner. */
export function pluginJobs(plugin: string, declared: ReadonlyMap<string, DeclaredJob>, runner: JobRunner): PluginJobs {
  const checkKey = (key: unknown) => {
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY) throw new Error(`Plugin "${plugin}": a job key is a string of 1–${MAX_KEY} characters (got ${JSON.stringify(key)}).`);
  };
  return Object.freeze({
    async schedule(trx, kind, job) {
      const d = declared.get(kind);
      if (!d || d.plugin !== plugin) {
        const own = [...declared.values()].filter((x) => x.plugin === plugin).map((x) => x.def.kind);
        throw new Error(`Plugin "${plugin}" schedules the job kind "${kind}", which it does not declare (it declares ${own.length ? own.join(', ') : 'none'}): add { kind: '${kind}', handler } to its jobs.`);
      }
      checkKey(job.key);
      if (!(job.runAt instanceof Date) || Number.isNaN(job.runAt.getTime())) throw new Error(`Plugin "${plugin}": job "${kind}" (${job.key}) needs a valid runAt date.`);
      if (d.validate && !d.validate(job.payload)) throw new Error(`Plugin "${plugin}": the payload of job "${kind}" (${job.key}) does not match its payloadSchema: ${problems(d.validate)}.`);
      const added = await runner.enqueue(trx, [{ kind, key: storedKey(plugin, job.key), payload: job.payload, runAt: job.runAt, ...(d.def.maxAttempts ? { maxAttempts: d.def.maxAttempts } : {}) }]);
      return added === 1;
    },
    async cancel(trx, key) {
      checkKey(key);
      return cancelJob(trx, storedKey(plugin, key));
    },
  } satisfies PluginJobs);
}

/**
 * The runner's handlers for the plugins' job kinds: each runs in the
 * transaction that marks the job done (exactly once), with the plugin's
 * context. A payload that no longer matches its schema (a job scheduled by an
 * older version) goes straight to the dead letters: retrying cannot fix it.
 */
export function pluginJobHandlers(declared: ReadonlyMap<string, DeclaredJob>, contextOf: (plugin: string) => PluginContext): JobHandler[] {
  return [...declared.entries()].map(([kind, d]) => ({
    kind,
    mode: 'transaction',
    ...(d.def.maxAttempts ? { maxAttempts: d.def.maxAttempts } : {}),
    async run({ db: trx, job }) {
      if (d.validate && !d.validate(job.payload)) throw new PermanentJobError(`The payload of job "${kind}" does not match its payloadSchema: ${problems(d.validate)}`);
      const key = job.key?.slice(storedKey(d.plugin, '').length) ?? '';
      await d.def.handler({ payload: job.payload, ctx: contextOf(d.plugin), trx, job: { key, attempts: job.attempts, runAt: job.runAt } });
    },
  }));
}
