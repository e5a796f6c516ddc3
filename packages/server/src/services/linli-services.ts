import type { Deployment } from '@linli/core';
import type { CoreTables, Database } from '@linli/db';
import type { JobRunner } from '@linli/jobs';
import type { LinliPlugin, PluginContext, TicketService } from '@linli/sdk';
import type { Kysely } from 'kysely';
import { makePluginContexts } from '../plugin-context.js';
import { initPlugins } from '../plugin-phases.js';
import type { EscalationService } from './escalation-service.js';
import type { ChannelSetup } from './delivery/providers.js';
import type { PluginNotices } from './delivery/scheduled.js';
import type { NotificationChannel, Notifier } from './notifier.js';
import { createPlanResolvers } from './plan-resolvers.js';
import { declaredPluginEvents, pluginEmitter, pluginEventHandlers } from './plugin-events.js';
import { declaredPluginJobs, pluginJobHandlers, pluginJobs } from './plugin-jobs.js';
import { stepNotices } from './step-notices.js';
import { createTicketService } from './ticket-service.js';
import { hooksByWorkflow } from './workflow-hooks.js';
import { createWorkflowServices, type JobOptions, type NotifyOptions } from './workflow-services.js';

export interface LinliServicesOptions {
  deployment: Deployment;
  database: Database<CoreTables>;
  /** The plugins the deployment enables, in its (dependency) order. */
  plugins: readonly LinliPlugin[];
  /** Injectable clock: tests and seeds move time instead of sleeping. */
  now?: () => Date;
  /** The durable job worker; it polls only once `jobs.start()` is called. */
  jobs?: JobOptions & { logger?: NotifyOptions['logger'] };
  /** Extra notification channels (tests). */
  channels?: NotificationChannel[];
  /** Where the notification channels' secrets come from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Everything Linli does without HTTP: tickets, jobs, escalations, notifications, the plugins' contexts. */
export interface CoreServices {
  deployment: Deployment;
  database: Database<CoreTables>;
  db: Kysely<CoreTables>;
  plugins: LinliPlugin[];
  now(): Date;
  tickets: TicketService;
  /** The job queue and worker: `startServer` starts it; tests run `jobs.runDueJobs(now)` step by step. */
  jobs: JobRunner;
  /** Whistle (吹哨) and report (报到). */
  escalations: EscalationService;
  notifier: Notifier;
  /** E-mail, SMS and WeCom providers, and the sender of one-time codes. */
  channels: ChannelSetup;
  /** Plugins' notices, now or scheduled. */
  pluginNotices: PluginNotices;
  /** The context of an enabled plugin, made once. */
  pluginContext(name: string): PluginContext;
  /** Runs the plugins' `init` (their I/O phase) once, in dependency order; the app and the seeder await it first. */
  init(): Promise<void>;
}

/**
 * Builds Linli's services once, for whoever needs them: the HTTP app
 * (buildApp), the seeder (seedCity, and through it `linli seed`), and tests.
 * Nothing here listens or serves.
 */
export function createLinliServices(o: LinliServicesOptions): CoreServices {
  const now = o.now ?? (() => new Date());
  const db = o.database.db;
  const workflow = createWorkflowServices(o.deployment, db, now, { ...o.jobs, ...(o.channels ? { channels: o.channels } : {}), ...(o.env ? { env: o.env } : {}) });
  const declaredJobs = declaredPluginJobs(o.plugins);
  const declaredEvents = declaredPluginEvents(o.plugins);
  const contexts = makePluginContexts(
    o.deployment,
    db,
    now,
    o.plugins,
    () => tickets,
    (name) => pluginJobs(name, declaredJobs, workflow.jobs),
    workflow.pluginNotices,
    (name) => pluginEmitter(name, declaredEvents, workflow.jobs, now),
  );
  const pluginContext = (name: string): PluginContext => {
    const ctx = contexts.get(name);
    if (!ctx) throw new Error(`Plugin "${name}" is not enabled in this city.`);
    return ctx;
  };
  const tickets = createTicketService({
    deployment: o.deployment,
    now,
    plugins: o.plugins,
    resolvers: createPlanResolvers(o.deployment),
    effects: workflow.effects,
    effectJobs: workflow.effectJobs,
    hooksFor: hooksByWorkflow(o.deployment, o.plugins, pluginContext),
    notices: stepNotices(o.deployment, workflow.notifier),
  });
  // The plugins' jobs run on the core's runner: same claims, retries and dead letters.
  for (const h of pluginJobHandlers(declaredJobs, pluginContext)) workflow.jobs.register(h);
  // Their events' handlers too: one job per subscriber and key, in the emitter's transaction.
  for (const h of pluginEventHandlers(declaredEvents, pluginContext)) workflow.jobs.register(h);
  let initialized: Promise<void> | undefined;
  return {
    deployment: o.deployment,
    database: o.database,
    db,
    plugins: [...o.plugins],
    now,
    tickets,
    jobs: workflow.jobs,
    escalations: workflow.escalations,
    notifier: workflow.notifier,
    channels: workflow.channels,
    pluginNotices: workflow.pluginNotices,
    pluginContext,
    init: () => (initialized ??= initPlugins(o.plugins, pluginContext)),
  };
}
