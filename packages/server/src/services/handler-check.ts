import { unprocessable, type CompiledWorkflow, type Deployment, type TicketChange } from '@linli/core';
import { someoneHoldsRoleOver } from '@linli/db';
import type { Kysely } from 'kysely';

/**
 * Refuses a step that hands a ticket to an org where nobody can take the
 * next one: the roles that act as the assigned org (`assigned-org` rules) on
 * the steps out of the new state must be held by someone at that org or
 * above it. Checked for steps that choose the org (a `route` or `assign-org`
 * effect: by the form or by the dispatch rules), so a pothole never lands on a unit without
 * accounts and waits there unseen.
 */
export async function assertSomeoneCanTakeOver(
  trx: Kysely<any>,
  deployment: Deployment,
  wf: CompiledWorkflow,
  change: TicketChange,
  org: { id: string; path: string; name: string },
): Promise<void> {
  const step = wf.transition(change.action);
  const choice = step?.effects?.find((e) => e.type === 'route' || e.type === 'assign-org') as { field: string } | undefined;
  if (!choice || wf.isTerminal(change.toState)) return;
  const roles = [...new Set(wf.transitionsFrom(change.toState).flatMap((t) => t.allow.filter((r) => r.scope === 'assigned-org' && r.role !== undefined).map((r) => r.role as string)))];
  if (roles.length === 0 || (await someoneHoldsRoleOver(trx, org.path, roles))) return;
  const titles = (lang: 'zh-CN' | 'en') => roles.map((r) => deployment.roles.get(r)?.title?.[lang] ?? deployment.roles.get(r)?.title?.['zh-CN'] ?? r);
  const zh = `${org.name}没有能办理下一步的人员（需要${titles('zh-CN').join('、')}）。请另选承办单位，或请管理员先为该单位开通账号。`;
  const en = `Nobody at ${org.name} can take the next step (it needs a ${titles('en').join(' or ')}). Choose another handling unit, or have an administrator add accounts there first.`;
  throw unprocessable({ 'zh-CN': zh, en }, [{ path: `/data/${choice.field}`, message: en, localized: { 'zh-CN': zh, en } }]);
}
