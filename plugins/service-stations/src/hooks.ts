import type { AfterTransitionHookEvent, CreateHookEvent, PluginHooks } from '@linli/sdk';
import { fail } from './errors.js';
import { setTicketState, unticketedFailure } from './store/inspections.js';
import { typed } from './store/tables.js';
import { RECTIFICATION_WORKFLOW } from './workflows/rectification.js';

/**
 * A rectification ticket belongs to one failed item of one inspection: the
 * inspection route files it right after writing the results. This refuses
 * one filed any other way (the web app's 上报 page offers every workflow a
 * person may file); a throw here rolls the creation back.
 */
async function afterCreate({ ticket, trx }: CreateHookEvent): Promise<void> {
  const inspectionId = Number(ticket.data.inspectionId);
  const itemKey = String(ticket.data.itemKey ?? '');
  if (!Number.isInteger(inspectionId) || !(await unticketedFailure(typed(trx), inspectionId, itemKey))) {
    throw fail('SS_ERR_NOT_FROM_INSPECTION', [], [{ path: '/workflow', message: 'filed by an inspection', localized: { 'zh-CN': '由站点检查生成', en: 'filed by an inspection' } }]);
  }
}

/** Keeps the result's copy of its ticket's state in step, in the step's transaction: closing the ticket is what makes the station compliant again. */
async function afterTransition({ ticket, updated, trx }: AfterTransitionHookEvent): Promise<void> {
  await setTicketState(typed(trx), Number(ticket.id), updated.state);
}

export const hooks: PluginHooks = { [RECTIFICATION_WORKFLOW]: { afterCreate, afterTransition } };
