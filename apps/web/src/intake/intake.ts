import type { LocalizedText, Me, Org, Workflow } from '../api/types';

/** Where a ticket is filed unless its workflow says otherwise (`intake.places`). */
export const DEFAULT_PLACES: readonly string[] = ['compound', 'building'];

type Roles = Me['roles'];

/**
 * The words someone reads when filing a ticket of `wf`: the workflow's
 * `intake` wording, else neutral defaults (`new.*`), so a topic or a booking
 * never reads like a complaint.
 */
export function intakeWording(wf: Workflow, t: (key: string) => string, pick: (text: LocalizedText | undefined) => string) {
  const w = wf.intake;
  return {
    title: pick(w?.title ?? wf.title),
    hint: w?.hint ? pick(w.hint) : '',
    where: w?.locationQuestion ? pick(w.locationQuestion) : t('new.place'),
    submit: w?.submit ? pick(w.submit) : t('new.submit'),
    success: w?.success ? pick(w.success) : t('new.success'),
  };
}

/** Whether the intake asks for a pin on the map (the phone's position or a tap). */
export const asksForPin = (wf: Workflow): boolean => wf.intake?.mapPin !== false;

/**
 * The orgs where my roles may file a ticket of `wf`, of the types it is filed
 * at: a `create` rule's role held at the org or above it (`ancestor`), at the
 * org itself (`org`), or anywhere (`any`). The server decides again; this only
 * keeps the picker from offering places that would be refused (a building
 * leader sees their own building, not all eighteen).
 */
export function placesFor(wf: Workflow, roles: Roles, orgs: readonly Org[]): Org[] {
  const types = wf.intake?.places ?? DEFAULT_PLACES;
  const rules = wf.create ?? [];
  const held = (role: string | undefined) => roles.filter((r) => role === undefined || r.role === role);
  const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
  const fits = (o: Org) =>
    rules.length === 0 ||
    rules.some((rule) =>
      held(rule.role).some((r) => {
        if (rule.scope === 'any') return true;
        const at = pathOf.get(r.orgId);
        if (!at) return false;
        if (rule.scope === 'org') return o.path === at;
        if (rule.scope === 'ancestor') return o.path.startsWith(at);
        return false;
      }),
    );
  return orgs.filter((o) => !o.deactivated && types.includes(o.type) && fits(o));
}

/** The place to start from: where I live or work if it is offered, else the offered org above it, else the only one. */
export function defaultPlace(places: readonly Org[], home: Org | undefined): string {
  if (home && places.some((o) => o.id === home.id)) return home.id;
  const above = home ? places.filter((o) => home.path.startsWith(o.path)).sort((a, b) => b.path.length - a.path.length)[0] : undefined;
  if (above) return above.id;
  return places.length === 1 ? places[0]!.id : '';
}

/** Whether the workflow is offered at this org (its `offerWhere` against the org's attributes). */
export function offeredAt(wf: Workflow, attrs: Record<string, string>): boolean {
  return Object.entries(wf.offerWhere ?? {}).every(([k, values]) => values.includes(attrs[k] ?? ''));
}
