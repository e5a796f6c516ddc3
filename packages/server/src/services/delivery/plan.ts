import { afterQuietHours, type Deployment, type NoticeVars } from '@linli/core';
import { loadRecipients, type Recipient } from '@linli/db';
import type { NewJob } from '@linli/jobs';
import type { Kysely } from 'kysely';
import type { DeliveryChannel, DeliveryProvider } from './provider.js';

export const DELIVER_JOB = 'notice.deliver';

export interface DeliveryPayload {
  channel: DeliveryChannel;
  /** null for the group robot. */
  personId: number | null;
  kind: string;
  vars: NoticeVars;
}

/** What a notice needs planned: its kind, a key naming it, who, and what its template may say. */
export interface PlannedNotice {
  kind: string;
  /** Names the notice (`<ticket>:<seq>`, or a plugin's key): with the channel and person, the delivery's idempotency key. */
  key: string;
  personIds: readonly number[];
  vars: NoticeVars;
  now: Date;
}

/** The channels that reach this person for this kind: their own choice, else the city's default, else the kind's. */
export function channelsFor(deployment: Deployment, r: Recipient, kind: string): readonly string[] {
  return r.prefs?.channels[kind] ?? deployment.config.notifications?.defaults?.[kind] ?? deployment.notices.get(kind)?.defaultChannels ?? [];
}

/**
 * The delivery jobs of one notice: one per (person, channel) the person's
 * preferences choose among the channels the city has, where they have an
 * address, due when their quiet hours end; one for the city's WeCom group if
 * it posts this kind. Keys `notice:<channel>:<kind>:<key>:<person>` make
 * each enqueued once, however often and on whichever instance the notice is
 * planned. Runs in the step's transaction and only reads and writes rows.
 */
export async function planDeliveries(trx: Kysely<any>, deployment: Deployment, providers: Partial<Record<DeliveryChannel, DeliveryProvider>>, n: PlannedNotice): Promise<NewJob[]> {
  if (!deployment.notices.has(n.kind)) return [];
  const cfg = deployment.config.notifications;
  const maxAttempts = cfg?.maxAttempts ?? 8;
  const jobs: NewJob[] = [];
  const external = (['email', 'sms', 'wecom'] as const).filter((c) => providers[c]?.carries(n.kind));
  if (external.length && n.personIds.length) {
    for (const r of await loadRecipients(trx, n.personIds)) {
      if (r.disabled) continue;
      const quiet = r.prefs ? r.prefs.quietHours : (cfg?.quietHours ?? null);
      const runAt = afterQuietHours(n.now, quiet, deployment.calendar.utcOffsetHours);
      for (const channel of channelsFor(deployment, r, n.kind)) {
        const p = providers[channel as DeliveryChannel];
        if (!p || !external.includes(channel as (typeof external)[number]) || !p.address(r)) continue;
        jobs.push({ kind: DELIVER_JOB, key: `notice:${channel}:${n.kind}:${n.key}:${r.id}`, payload: { channel: channel as DeliveryChannel, personId: r.id, kind: n.kind, vars: n.vars } satisfies DeliveryPayload, runAt, maxAttempts });
      }
    }
  }
  if (providers['wecom-robot'] && cfg?.wecom?.robot?.kinds.includes(n.kind)) {
    jobs.push({ kind: DELIVER_JOB, key: `notice:wecom-robot:${n.kind}:${n.key}`, payload: { channel: 'wecom-robot', personId: null, kind: n.kind, vars: n.vars } satisfies DeliveryPayload, runAt: n.now, maxAttempts });
  }
  return jobs;
}
