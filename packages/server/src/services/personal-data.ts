import { grantCovers, type Actor, type Deployment, type Ticket } from '@linli/core';
import { audit } from '@linli/db';
import type { Kysely } from 'kysely';

/**
 * Residents' personal data (PIPL): form fields marked `"x-linli-sensitive": true`
 * (phone, ID-card number, address) are masked everywhere except a ticket's
 * detail view, and there only for the reporter, the person assigned, and
 * holders of a role with `personalData: true` whose scope covers the ticket.
 * Every unmasked read by someone other than the reporter is audited. Lists,
 * exports and plugin pages get masked values.
 */
export function maskValue(v: unknown): unknown {
  if (typeof v !== 'string') return v === null || v === undefined ? v : '****';
  const s = v.trim();
  if (s.length <= 4) return '****';
  const keep = Math.min(3, Math.floor(s.length / 3));
  return `${s.slice(0, keep)}****${s.slice(-Math.min(4, keep + 1))}`;
}

export function maskFields(data: Record<string, unknown> | null, fields: readonly string[]): Record<string, unknown> | null {
  if (!data || fields.length === 0) return data;
  const out = { ...data };
  for (const f of fields) if (f in out && out[f] !== undefined && out[f] !== '') out[f] = maskValue(out[f]);
  return out;
}

/** The sensitive fields of the form a step of `workflow` carried (`create` carries the intake form). */
export function sensitiveFieldsOf(deployment: Deployment, workflow: string, action = 'create'): string[] {
  const wf = deployment.workflows.get(workflow);
  if (!wf) return [];
  const form = action === 'create' ? wf.def.intakeForm : wf.transition(action)?.form;
  return form ? deployment.forms.sensitiveFields(form) : [];
}

export function mayReadPersonalData(deployment: Deployment, actor: Actor, t: Ticket): boolean {
  if (t.reporterId === actor.personId || t.assigneePersonId === actor.personId) return true;
  return actor.grants.some((g) => deployment.roles.get(g.role)?.personalData === true && grantCovers(g, t.orgPath));
}

/** The ticket with its intake form's sensitive fields masked. */
export function maskedTicket(deployment: Deployment, t: Ticket): Ticket {
  return { ...t, data: maskFields(t.data, sensitiveFieldsOf(deployment, t.workflow)) ?? {} };
}

export function hasPersonalData(deployment: Deployment, t: Ticket, events: readonly { action: string; data: Record<string, unknown> | null }[]): boolean {
  const present = (data: Record<string, unknown> | null, fields: string[]) => fields.some((f) => data?.[f] !== undefined && data[f] !== '');
  return present(t.data, sensitiveFieldsOf(deployment, t.workflow)) || events.some((e) => present(e.data, sensitiveFieldsOf(deployment, t.workflow, e.action)));
}

export async function auditPersonalDataRead(db: Kysely<any>, actor: Actor, t: Ticket, requestId: string): Promise<void> {
  await audit(db, { actorId: actor.personId, action: 'ticket.personal-data.read', subjectType: 'ticket', subjectId: t.id, requestId });
}
