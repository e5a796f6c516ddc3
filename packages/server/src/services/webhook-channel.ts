import { createHmac } from 'node:crypto';
import type { WebhookConfig } from '@linli/core';
import { exponentialBackoff, PermanentJobError, type JobHandler, type JobRunner } from '@linli/jobs';
import type { Notice, NotificationChannel } from './notifier.js';

export const WEBHOOK_JOB = 'webhook.deliver';

interface DeliveryPayload {
  hook: string;
  event: string;
  /** The exact body sent on every attempt, so a receiver can dedupe on `id`. */
  body: string;
}

/**
 * The signature a receiver checks: HMAC-SHA256 over `<timestamp>.<body>`
 * with the shared secret, hex, in `x-linli-signature: sha256=<hex>`. The
 * timestamp (unix seconds, `x-linli-timestamp`) lets it refuse replays.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const subscribed = (h: WebhookConfig, kind: string) => (h.events as readonly string[]).includes('*') || (h.events as readonly string[]).includes(kind);

/**
 * Webhooks (config `notifications.webhooks`): each notice a hook subscribes
 * to becomes a delivery job in the notice's transaction, keyed
 * `webhook:<hook>:<ticket>:<seq>` so it is enqueued once. The job POSTs the
 * signed JSON with a per-attempt timeout, retries with exponential backoff
 * and is dead-lettered after `maxAttempts`.
 */
export function webhookChannel(hooks: readonly WebhookConfig[], jobs: JobRunner, city: string): NotificationChannel {
  return {
    id: 'webhook',
    async dispatch(trx, n: Notice) {
      // Webhooks carry ticket steps (their documented body); a plugin's notice about something else stays with people.
      if (!n.ticket) return;
      const due = hooks.filter((h) => subscribed(h, n.kind));
      if (due.length === 0) return;
      const id = `${n.ticket.id}:${n.eventSeq}`;
      const body = JSON.stringify({
        id,
        event: n.kind,
        city,
        occurredAt: n.now.toISOString(),
        ticket: {
          id: n.ticket.id,
          workflow: n.ticket.workflow,
          state: n.ticket.state,
          title: n.ticket.title,
          orgId: n.ticket.orgId,
          assigneeOrgId: n.ticket.assigneeOrgId,
          deadline: n.ticket.deadline ? n.ticket.deadline.toISOString() : null,
        },
        title: n.title,
        data: n.data,
      });
      await jobs.enqueue(
        trx,
        due.map((h) => ({
          kind: WEBHOOK_JOB,
          key: `webhook:${h.id}:${id}`,
          payload: { hook: h.id, event: n.kind, body } satisfies DeliveryPayload,
          runAt: n.now,
          maxAttempts: h.maxAttempts ?? 8,
        })),
      );
    },
  };
}

/** Delivers one webhook attempt; any answer but 2xx is a failure the runner retries. */
export function webhookHandler(hooks: readonly WebhookConfig[], wallClock: () => Date = () => new Date()): JobHandler<DeliveryPayload> {
  const byId = new Map(hooks.map((h) => [h.id, h]));
  return {
    kind: WEBHOOK_JOB,
    mode: 'external',
    timeoutMs: 60_000,
    backoffMs: (attempt, job) => exponentialBackoff((byId.get(job.payload.hook)?.backoffSeconds ?? 30) * 1000)(attempt),
    async run({ job, signal }) {
      const hook = byId.get(job.payload.hook);
      if (!hook) throw new PermanentJobError(`webhook "${job.payload.hook}" is no longer configured`);
      const secret = hook.secret ?? (hook.secretEnv ? process.env[hook.secretEnv] : undefined);
      if (!secret) throw new PermanentJobError(`the environment variable ${hook.secretEnv} with the secret of webhook "${hook.id}" is not set`);
      // Signed with the real time, not the domain clock: receivers compare it with theirs.
      const timestamp = Math.floor(wallClock().getTime() / 1000);
      const res = await fetch(hook.url, {
        method: 'POST',
        body: job.payload.body,
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(hook.timeoutMs ?? 5000)]),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'linli-webhook/0.1',
          'x-linli-event': job.payload.event,
          'x-linli-delivery': job.key ?? String(job.id),
          'x-linli-timestamp': String(timestamp),
          'x-linli-signature': signWebhook(secret, timestamp, job.payload.body),
        },
      });
      // Drain the body so the connection is released.
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 410) throw new PermanentJobError(`webhook "${hook.id}" answered 410 Gone`);
      if (res.status < 200 || res.status >= 300) throw new Error(`webhook "${hook.id}" answered HTTP ${res.status}`);
    },
  };
}
