import { localDateTime, type Deployment } from '@linli/core';
import type { JobRunner } from '@linli/jobs';
import { noticeKey, type NotificationChannel } from '../notifier.js';
import { planDeliveries } from './plan.js';
import type { DeliveryChannel, DeliveryProvider } from './provider.js';

/**
 * E-mail, SMS and WeCom as one notification channel: in the step's
 * transaction it only enqueues one delivery job per (notice, person,
 * channel); the jobs send later (delivery/handler.ts).
 */
export function deliveryChannel(deployment: Deployment, providers: Partial<Record<DeliveryChannel, DeliveryProvider>>, jobs: JobRunner): NotificationChannel {
  const offset = deployment.calendar.utcOffsetHours;
  return {
    id: 'deliveries',
    async dispatch(trx, n) {
      const ticketVars = n.ticket ? { ticketId: n.ticket.id, ticketTitle: n.ticket.title, ...(n.ticket.deadline ? { deadline: localDateTime(n.ticket.deadline, offset) } : {}) } : {};
      const planned = await planDeliveries(trx, deployment, providers, { kind: n.kind, key: noticeKey(n), personIds: n.personIds, vars: { ...ticketVars, ...n.vars }, now: n.now });
      if (planned.length) await jobs.enqueue(trx, planned);
    },
  };
}
