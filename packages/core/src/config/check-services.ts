import type { ErrorDetail } from '../errors.js';
import type { CityConfig, EscalationTarget, OrgTypeDefinition, RoleDefinition, WorkflowDefinition } from '../schemas/types.js';

export interface ServicesCheckContext {
  file: string;
  orgKeys: ReadonlyMap<string, string>;
  gridKeys: ReadonlySet<string>;
  orgTypes: ReadonlyMap<string, OrgTypeDefinition>;
  roles: ReadonlyMap<string, RoleDefinition>;
  /** Every workflow of the deployment (plugins and config), by id, with the file and pointer it came from. */
  workflows: ReadonlyMap<string, { def: WorkflowDefinition; file: string; pointer: string }>;
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * What the JSON Schema cannot say about the calendar, routing, escalation and
 * notification sections: every key, type, role, workflow and state they name
 * exists, and reminders come before their deadlines.
 */
export function checkCityServices(config: CityConfig, ctx: ServicesCheckContext): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const issue = (path: string, message: string, expected: string, file = ctx.file) => issues.push({ file, path, message, expected });
  const typeList = `one of ${JSON.stringify([...ctx.orgTypes.keys()])}`;
  const knownType = (path: string, type: string) => {
    if (!ctx.orgTypes.has(type)) issue(path, `unknown org type "${type}"`, typeList);
  };
  const knownOrg = (path: string, key: string) => {
    if (!ctx.orgKeys.has(key)) issue(path, `unknown org "${key}"`, 'the key of an org in /orgs');
  };
  const knownWorkflow = (path: string, id: string) => {
    if (!ctx.workflows.has(id)) issue(path, `unknown workflow "${id}"`, `one of ${JSON.stringify([...ctx.workflows.keys()])}`);
  };
  const checkTargets = (path: string, targets: readonly EscalationTarget[]) =>
    targets.forEach((t, i) => {
      if (t.org !== undefined) knownOrg(`${path}/${i}/org`, t.org);
      if (t.nearest !== undefined) knownType(`${path}/${i}/nearest`, t.nearest);
    });

  // Calendar: a day cannot be both off and on, and a make-up day is a weekend day.
  const cal = config.calendar;
  const holidays = new Set(cal?.holidays ?? []);
  cal?.workdays?.forEach((d, i) => {
    if (holidays.has(d)) issue(`/calendar/workdays/${i}`, `${d} is listed both as a holiday and as a working day`, 'each date in one list only');
    else if (weekday(d) !== 0 && weekday(d) !== 6) issue(`/calendar/workdays/${i}`, `${d} is a weekday, which is a working day anyway`, 'a Saturday or Sunday (调休)');
  });

  // Routing.
  config.routing?.rules?.forEach((r, i) => {
    const at = `/routing/rules/${i}`;
    r.workflow?.forEach((w, k) => knownWorkflow(`${at}/workflow/${k}`, w));
    r.grid?.forEach((g, k) => {
      if (!ctx.gridKeys.has(g)) issue(`${at}/grid/${k}`, `unknown grid "${g}"`, 'the key of a grid in /grids');
    });
    r.orgType?.forEach((t, k) => knownType(`${at}/orgType/${k}`, t));
    if ('org' in r.to && r.to.org !== undefined) knownOrg(`${at}/to/org`, r.to.org);
    if ('nearest' in r.to && r.to.nearest !== undefined) knownType(`${at}/to/nearest`, r.to.nearest);
  });
  config.routing?.fallback?.forEach((f, i) => {
    if (f !== 'grid' && !ctx.orgTypes.has(f)) issue(`/routing/fallback/${i}`, `"${f}" is neither "grid" nor an org type`, `"grid" or ${typeList}`);
  });

  // Escalation.
  const w = config.escalation?.whistle;
  w?.roles.forEach((r, i) => {
    if (!ctx.roles.has(r)) issue(`/escalation/whistle/roles/${i}`, `unknown role "${r}"`, 'a role defined by the config or a plugin');
  });
  w?.workflows?.forEach((id, i) => knownWorkflow(`/escalation/whistle/workflows/${i}`, id));
  if (w) {
    checkTargets('/escalation/whistle/targets', w.targets);
    if (w.targets.filter((t) => t.lead).length > 1) issue('/escalation/whistle/targets', 'more than one target is marked lead', 'one lead unit ("1+5+N")');
  }
  config.escalation?.overdue?.forEach((l, i) => {
    const at = `/escalation/overdue/${i}`;
    const wf = l.workflow === undefined ? undefined : ctx.workflows.get(l.workflow);
    if (l.workflow !== undefined) knownWorkflow(`${at}/workflow`, l.workflow);
    if (wf && l.state !== undefined && Array.isArray(wf.def.states)) {
      const state = wf.def.states.find((s) => s.id === l.state);
      if (!state) issue(`${at}/state`, `workflow "${l.workflow}" has no state "${l.state}"`, `one of ${JSON.stringify(wf.def.states.map((s) => s.id))}`);
      else if (!state.timeLimit) issue(`${at}/state`, `state "${l.state}" of "${l.workflow}" has no time limit, so it is never overdue`, 'a state with a timeLimit');
    }
    l.steps.forEach((s, k) => checkTargets(`${at}/steps/${k}/to`, s.to));
  });

  // Notifications.
  const ids = new Set<string>();
  config.notifications?.webhooks?.forEach((h, i) => {
    if (ids.has(h.id)) issue(`/notifications/webhooks/${i}/id`, `duplicate webhook id "${h.id}"`, 'an id used once');
    ids.add(h.id);
  });

  // A reminder must come before the deadline it announces.
  // (A plugin's workflow may have failed its shape check already: look only at what is well-formed.)
  for (const { def, file, pointer } of ctx.workflows.values()) {
    if (!Array.isArray(def.states)) continue;
    def.states.forEach((s, i) => {
      const l = s?.timeLimit;
      if (typeof l?.remindBeforeHours !== 'number') return;
      const hours = 'hours' in l && typeof l.hours === 'number' ? l.hours : ((l as { days?: number }).days ?? 0) * 24;
      if (l.remindBeforeHours >= hours) {
        issue(`${pointer}/states/${i}/timeLimit/remindBeforeHours`, `the reminder (${l.remindBeforeHours} h before) would come before the state is even entered (limit ${hours} h)`, `fewer than ${hours} hours`, file);
      }
    });
  }
  return issues;
}
