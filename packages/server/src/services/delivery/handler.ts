import type { Deployment } from '@linli/core';
import { getRecipient } from '@linli/db';
import { exponentialBackoff, PermanentJobError, type JobHandler } from '@linli/jobs';
import { DELIVER_JOB, type DeliveryPayload } from './plan.js';
import type { DeliveryChannel, DeliveryProvider } from './provider.js';

/**
 * Sends one planned delivery, outside any transaction (a provider that is
 * slow or down holds no connection and no request). The person's address
 * and language are read now, so a changed e-mail or language applies to
 * what has not gone out yet. A failure is retried with backoff (30 s
 * doubling) and dead-lettered after the city's `maxAttempts`, where
 * administrators see it (GET /api/admin/dead-jobs).
 */
export function deliveryHandler(deployment: Deployment, providers: Partial<Record<DeliveryChannel, DeliveryProvider>>): JobHandler<DeliveryPayload> {
  return {
    kind: DELIVER_JOB,
    mode: 'external',
    timeoutMs: 30_000,
    backoffMs: exponentialBackoff(30_000),
    async run({ job, db, signal }) {
      const p = job.payload;
      const provider = providers[p.channel];
      if (!provider) throw new PermanentJobError(`the ${p.channel} channel is no longer configured`);
      const kind = deployment.notices.get(p.kind);
      if (!kind) throw new PermanentJobError(`there is no notice kind "${p.kind}" any more`);
      const deliveryId = job.key ?? `notice-job-${job.id}`;
      if (p.personId === null) {
        await provider.send(null, { kind, vars: p.vars, locale: 'zh-CN', deliveryId }, signal);
        return;
      }
      const r = await getRecipient(db, p.personId);
      // Disabled since, or no address any more: nothing to send, and nothing to retry.
      const to = r && !r.disabled ? provider.address(r) : null;
      if (!r || !to) return;
      await provider.send(to, { kind, vars: p.vars, locale: r.locale, deliveryId }, signal);
    },
  };
}
