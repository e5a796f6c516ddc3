import { ajvErrorsToDetails, createAjv, pluginEventProblems } from '@linli/core';
import { PermanentJobError, type JobHandler, type JobRunner } from '@linli/jobs';
import type { LinliPlugin, PluginContext, PluginEventSubscription } from '@linli/sdk';
import type { Kysely } from 'kysely';

type Validate = ((data: unknown) => boolean) & { errors?: Parameters<typeof ajvErrorsToDetails>[0] };

interface Subscriber {
  plugin: string;
  sub: PluginEventSubscription;
  /** The job kind its handler runs under: a colon keeps it apart from every declared job kind (`<plugin>.<job>`). */
  kind: string;
}

export interface DeclaredEvents {
  /** Each declared event: who declares it, its payload check, who handles it. */
  events: ReadonlyMap<string, { plugin: string; validate: Validate | null; subscribers: Subscriber[] }>;
}

const MAX_KEY = 200;
const kindOf = (subscriber: string, event: string) => `event:${subscriber}:${event}`;
/** Keys live in one table with the core's: one handler run per subscriber and emit key. */
const storedKey = (subscriber: string, event: string, key: string) => `${kindOf(subscriber, event)}:${key}`;

const problems = (v: Validate) => ajvErrorsToDetails(v.errors).map((e) => `${e.path || '/'} ${e.message}`).join('; ');

/**
 * The events the enabled plugins declare and who handles each, checked when
 * the services are built (so at start): the same rules as `linli check`
 * (pluginEventProblems), then each payload schema compiled. A subscription
 * to an optional dependency the city does not enable is dropped: its events
 * never come.
 */
export function declaredPluginEvents(plugins: readonly LinliPlugin[]): DeclaredEvents {
  const wrong = pluginEventProblems(plugins);
  if (wrong.length) throw new Error(wrong.map((p) => `${p.message} (expected ${p.expected})`).join('; '));
  const ajv = createAjv();
  const events = new Map<string, { plugin: string; validate: Validate | null; subscribers: Subscriber[] }>();
  for (const p of plugins) for (const e of p.events ?? []) events.set(e.name, { plugin: p.name, validate: e.payloadSchema ? ajv.compile(e.payloadSchema) : null, subscribers: [] });
  for (const p of plugins) {
    for (const sub of p.on ?? []) {
      const declared = events.get(sub.event);
      if (!declared) continue; // the other plugin is an optional dependency the city does not enable
      if (declared.subscribers.some((s) => s.plugin === p.name)) throw new Error(`Plugin "${p.name}" handles the event "${sub.event}" twice.`);
      declared.subscribers.push({ plugin: p.name, sub, kind: kindOf(p.name, sub.event) });
    }
  }
  return { events };
}

/** `ctx.emit` of one plugin: only its declared events, in the caller's transaction, one job per subscriber on the core's runner. */
export function pluginEmitter(plugin: string, declared: DeclaredEvents, runner: JobRunner, now: () => Date): PluginContext['emit'] {
  return async (trx: Kysely<any>, event: string, payload: unknown, opts: { key: string }) => {
    const d = declared.events.get(event);
    if (!d || d.plugin !== plugin) {
      const own = [...declared.events.entries()].filter(([, x]) => x.plugin === plugin).map(([name]) => name);
      throw new Error(`Plugin "${plugin}" emits the event "${event}", which it does not declare (it declares ${own.length ? own.join(', ') : 'none'}): add { name: '${event}', title } to its events.`);
    }
    const key = opts?.key;
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY) throw new Error(`Plugin "${plugin}": an event key is a string of 1–${MAX_KEY} characters (got ${JSON.stringify(key)}).`);
    if (d.validate && !d.validate(payload)) throw new Error(`Plugin "${plugin}": the payload of event "${event}" (${key}) does not match its payloadSchema: ${problems(d.validate)}.`);
    if (!d.subscribers.length) return 0;
    const runAt = now();
    return runner.enqueue(
      trx,
      d.subscribers.map((s) => ({ kind: s.kind, key: storedKey(s.plugin, event, key), payload, runAt, ...(s.sub.maxAttempts ? { maxAttempts: s.sub.maxAttempts } : {}) })),
    );
  };
}

/**
 * The runner's handlers for the subscriptions: each runs in the transaction
 * that marks its job done (exactly once per key), with the subscriber's
 * context. A payload that no longer matches the event's schema goes straight
 * to the dead letters.
 */
export function pluginEventHandlers(declared: DeclaredEvents, contextOf: (plugin: string) => PluginContext): JobHandler[] {
  return [...declared.events.entries()].flatMap(([event, d]) =>
    d.subscribers.map(
      (s): JobHandler => ({
        kind: s.kind,
        mode: 'transaction',
        ...(s.sub.maxAttempts ? { maxAttempts: s.sub.maxAttempts } : {}),
        async run({ db: trx, job }) {
          if (d.validate && !d.validate(job.payload)) throw new PermanentJobError(`The payload of event "${event}" does not match its payloadSchema: ${problems(d.validate)}`);
          const key = job.key?.slice(storedKey(s.plugin, event, '').length) ?? '';
          await s.sub.handler({ payload: job.payload, ctx: contextOf(s.plugin), trx, job: { key, attempts: job.attempts, runAt: job.runAt } });
        },
      }),
    ),
  );
}
