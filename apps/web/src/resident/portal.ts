import type { Me, Org, RoleInfo, Workflow } from '../api/types';

/**
 * Whether the person uses Linli as a resident: every role they hold shows only
 * their own tickets (`ticketScope: own`, residents and volunteers). They land
 * on their portal; anyone with a staff role lands on the queue.
 */
export function isResidentOnly(me: Pick<Me, 'roles'>, roles: readonly RoleInfo[]): boolean {
  if (!me.roles.length) return false;
  return me.roles.every((r) => roles.find((x) => x.id === r.role)?.ticketScope === 'own');
}

/** Where the person lives, as their roles say: a building if one is named, else a compound. */
export function homeOf(me: Pick<Me, 'roles'>, org: (id: string) => Org | undefined): Org | undefined {
  const held = me.roles.map((r) => org(r.orgId)).filter((o): o is Org => o !== undefined);
  return held.find((o) => o.type === 'building') ?? held.find((o) => o.type === 'compound');
}

type Text = Parameters<typeof import('../i18n').pick>[0];

/** The words a resident reads when filing: the workflow's `intake` wording, else the portal's defaults. */
export function intakeWording(wf: Workflow, t: (key: string) => string, pick: (text: Text) => string) {
  const w = wf.intake;
  return {
    title: pick(w?.title ?? wf.title),
    hint: w?.hint ? pick(w.hint) : '',
    where: w?.locationQuestion ? pick(w.locationQuestion) : t('portal.where'),
    submit: w?.submit ? pick(w.submit) : t('portal.submit'),
    success: w?.success ? pick(w.success) : t('portal.success'),
  };
}
