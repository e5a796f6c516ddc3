import type { Deployment, PlanEffect } from '@linli/core';
import { JobRunner, type JobLogger } from '@linli/jobs';
import type { Kysely } from 'kysely';
import { deadlineHandlers } from './deadline-jobs.js';
import { deliveryChannel } from './delivery/channel.js';
import { digestHandler } from './delivery/digest.js';
import { deliveryHandler } from './delivery/handler.js';
import { createChannels, type ChannelSetup } from './delivery/providers.js';
import { pluginNotices, type PluginNotices } from './delivery/scheduled.js';
import { createEscalationService, type EscalationService } from './escalation-service.js';
import { inAppChannel, Notifier, type NotificationChannel } from './notifier.js';
import { createPlanEffectJobs, createPlanEffects, type PlanEffectHandler, type PlanEffectJobs } from './plan-effects.js';
import { webhookChannel, webhookHandler } from './webhook-channel.js';

export interface JobOptions {
  /** Time between polls of the worker (default 1000 ms). */
  pollMs?: number;
  /** How long a claimed job stays reserved (default 5 min). */
  leaseMs?: number;
  /** Names this instance in the queue's `locked_by` (default host:pid:random). */
  workerId?: string;
}

export interface WorkflowServices {
  jobs: JobRunner;
  notifier: Notifier;
  escalations: EscalationService;
  /** What follows a ticket's write: deadline jobs, the return notice. */
  effects: Readonly<Record<PlanEffect, PlanEffectHandler>>;
  /** The effects that only schedule jobs, as rows a step writes in its own statement. */
  effectJobs: Readonly<Partial<Record<PlanEffect, PlanEffectJobs>>>;
  /** E-mail, SMS and WeCom providers the city configured, and the sender of one-time codes. */
  channels: ChannelSetup;
  /** Plugins' notices, now or scheduled (`ctx.notify`). */
  pluginNotices: PluginNotices;
}

export interface NotifyOptions {
  logger?: JobLogger & { info(obj: Record<string, unknown>, msg: string): void; warn(obj: Record<string, unknown>, msg: string): void };
  channels?: NotificationChannel[];
  /** Where the channels' secrets come from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Time limits, reminders, escalation and notifications, wired to one job
 * runner: the handlers are registered here; the runner polls only once
 * `jobs.start()` is called (startServer does; tests call `runDueJobs`).
 */
export function createWorkflowServices(deployment: Deployment, db: Kysely<any>, now: () => Date, o: JobOptions & NotifyOptions = {}): WorkflowServices {
  const jobs = new JobRunner({ db, now, handlers: [], ...(o.pollMs ? { pollMs: o.pollMs } : {}), ...(o.leaseMs ? { leaseMs: o.leaseMs } : {}), ...(o.workerId ? { workerId: o.workerId } : {}), ...(o.logger ? { logger: o.logger } : {}) });
  const hooks = deployment.config.notifications?.webhooks ?? [];
  const channels = createChannels(deployment.config, o.env ?? process.env, o.logger ?? { info: () => undefined });
  for (const w of channels.warnings) o.logger?.warn({ notifications: w }, w);
  const notifier = new Notifier([
    inAppChannel,
    ...(hooks.length ? [webhookChannel(hooks, jobs, deployment.config.name)] : []),
    deliveryChannel(deployment, channels.providers, jobs),
    ...(o.channels ?? []),
  ]);
  // Registered even without webhooks: deliveries left from an older config are dead-lettered with a reason, not left pending.
  jobs.register(webhookHandler(hooks));
  jobs.register(deliveryHandler(deployment, channels.providers));
  jobs.register(digestHandler(deployment, notifier));
  const notices = pluginNotices(deployment, notifier, jobs, now);
  jobs.register(notices.handler);
  const escalations = createEscalationService(deployment, jobs, notifier, now);
  for (const h of escalations.handlers) jobs.register(h);
  for (const h of deadlineHandlers(deployment, escalations, notifier)) jobs.register(h);
  const effects = createPlanEffects(deployment, jobs, notifier, now);
  const effectJobs = createPlanEffectJobs(deployment, jobs);
  return { jobs, notifier, escalations, effects, effectJobs, channels, pluginNotices: notices };
}
