import { renderNotice, type Deployment, type LocalizedText, type NoticeVars } from '@linli/core';
import { getTicket } from '@linli/db';
import { cancelJob, type JobHandler, type JobRunner } from '@linli/jobs';
import type { Kysely } from 'kysely';
import type { Notifier } from '../notifier.js';

export const SCHEDULED_JOB = 'notice.scheduled';

/** A notice a plugin sends (`ctx.notify`): now, or at `at` — a reminder kept by the job queue. */
export interface PluginNoticeInput {
  /** One of the plugin's declared kinds (`<plugin>.<name>`). */
  kind: string;
  /** Names the notice within the plugin (`meeting:12:eve`): the same key is scheduled and delivered once. */
  key: string;
  /** Person ids. */
  to: readonly string[];
  /** Exactly the kind's declared variables. */
  vars: NoticeVars;
  /** The ticket it is about, if any: the inbox entry links to it. */
  ticketId?: string;
  /** Deliver then instead of now. */
  at?: Date;
}

interface ScheduledPayload {
  kind: string;
  key: string;
  personIds: number[];
  vars: NoticeVars;
  ticketId: string | null;
}

/** The inbox line of a notice in both languages, from its kind's title template. */
function inboxTitle(deployment: Deployment, kind: string, vars: NoticeVars): LocalizedText {
  const t = deployment.notices.get(kind)!.template;
  return { 'zh-CN': renderNotice(t, vars, 'zh-CN').title, en: renderNotice(t, vars, 'en').title };
}

/**
 * Plugins' notices: checked against the kinds they declared (a plugin sends
 * only its own kinds, with exactly their variables — a mistake is a
 * programming error, thrown at once), then told now or scheduled as a
 * `notice.scheduled` job, keyed `scheduled:<kind>:<key>` so it is enqueued
 * once and, run in a transaction, told once.
 */
export function pluginNotices(deployment: Deployment, notifier: Notifier, jobs: JobRunner, now: () => Date) {
  const tell = async (trx: Kysely<any>, p: ScheduledPayload, at: Date) => {
    const ticket = p.ticketId ? await getTicket(trx, p.ticketId) : null;
    await notifier.notify(trx, { kind: p.kind, ticket, key: `${p.kind}:${p.key}`, personIds: p.personIds, title: inboxTitle(deployment, p.kind, p.vars), data: { vars: p.vars, key: p.key }, vars: p.vars, now: at });
  };

  const handler: JobHandler<ScheduledPayload> = {
    kind: SCHEDULED_JOB,
    mode: 'transaction',
    async run({ db, job, now: at }) {
      await tell(db, job.payload, at);
    },
  };

  const ownKind = (plugin: string, kind: string) => {
    if (!deployment.notices.has(kind) || !kind.startsWith(`${plugin}.`)) throw new Error(`Plugin "${plugin}" sent a notice of kind "${kind}", which it does not declare (LinliPlugin.notices).`);
  };
  const jobKey = (kind: string, key: string) => `scheduled:${kind}:${key}`;

  return {
    handler,
    async notify(plugin: string, trx: Kysely<any>, n: PluginNoticeInput): Promise<void> {
      ownKind(plugin, n.kind);
      const def = deployment.notices.get(n.kind)!;
      const missing = def.vars.filter((v) => !(v in n.vars));
      const unknown = Object.keys(n.vars).filter((v) => !def.vars.includes(v));
      if (missing.length || unknown.length) throw new Error(`Notice "${n.kind}" of plugin "${plugin}" needs the variables ${def.vars.join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${unknown.length ? `; unknown ${unknown.join(', ')}` : ''}.`);
      const payload: ScheduledPayload = { kind: n.kind, key: n.key, personIds: [...new Set(n.to.map(Number))], vars: n.vars, ticketId: n.ticketId ?? null };
      const t = now();
      if (n.at && n.at.getTime() > t.getTime()) {
        await jobs.enqueue(trx, [{ kind: SCHEDULED_JOB, key: jobKey(n.kind, n.key), payload, runAt: n.at }]);
      } else await tell(trx, payload, t);
    },
    /** Removes a reminder not yet told (`ctx.cancelNotice`); only the plugin's own kinds. */
    async cancel(plugin: string, trx: Kysely<any>, n: { kind: string; key: string }): Promise<boolean> {
      ownKind(plugin, n.kind);
      return cancelJob(trx, jobKey(n.kind, n.key));
    },
  };
}

export type PluginNotices = ReturnType<typeof pluginNotices>;
