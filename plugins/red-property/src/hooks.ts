import type { PluginHooks } from '@linli/sdk';
import { compoundAt, directory } from './companies.js';
import { fail } from './errors.js';
import { remindResponseDue } from './notices.js';
import { getComplaint, insertComplaint, updateComplaint } from './store/complaints.js';
import { typed } from './store/tables.js';
import { COMPLAINT_WORKFLOW } from './workflows/complaint.js';

const terminal = new Set(['closed', 'rejected', 'withdrawn']);

/**
 * Hooks of the complaint workflow, inside the step's transaction. They keep the
 * complaints read model (response times per company) in step, and hold the
 * one rule the workflow cannot say as data: a complaint goes to the
 * property company of its own compound.
 */
export const hooks: PluginHooks = {
  [COMPLAINT_WORKFLOW]: {
    /** A complaint must lie in a compound with a configured property company; it is recorded against that company. */
    async afterCreate({ ticket, trx, ctx }) {
      const db = typed(trx);
      const compound = compoundAt(await directory(ctx, db), ticket.orgPath);
      if (!compound) {
        const org = await db.selectFrom('linli_orgs').select('name').where('id', '=', Number(ticket.orgId)).executeTakeFirst();
        const name = org?.name ?? `org ${ticket.orgId}`;
        throw fail('RP_ERR_NO_PROPERTY_COMPANY', [name, name], [{ path: '/orgId', message: 'no property company serves this org' }]);
      }
      await insertComplaint(db, {
        ticket_id: Number(ticket.id),
        compound_org_id: Number(compound.id),
        compound_path: compound.path,
        company_org_id: Number(compound.company.id),
        category: String(ticket.data.category),
        state: ticket.state,
        filed_at: ticket.createdAt,
        dispatched_at: null,
        response_due: null,
        responded_at: null,
        closed_at: null,
        satisfaction: null,
      });
    },

    /** 一键交办 goes to the compound's own property company, never another. */
    async beforeTransition({ ticket, change, trx, ctx }) {
      if (change.action !== 'dispatch') return;
      const compound = compoundAt(await directory(ctx, typed(trx)), ticket.orgPath);
      const chosen = String(change.eventData?.propertyOrgId ?? '');
      if (compound && chosen !== compound.company.id) {
        return {
          veto: fail('RP_ERR_WRONG_COMPANY', [compound.name, compound.company.name, compound.company.id, compound.company.id], [
            { path: '/data/propertyOrgId', message: `must be ${compound.company.id}`, expected: compound.company.name },
          ]),
        };
      }
    },

    /** The read model follows the ticket: first dispatch and its deadline, first response, the verdict. */
    async afterTransition({ ticket, change, trx, ctx, updated }) {
      const db = typed(trx);
      const row = await getComplaint(db, Number(ticket.id));
      if (!row) return;
      const at = ctx.now();
      await updateComplaint(db, row.ticket_id, {
        state: updated.state,
        ...(change.action === 'dispatch' && !row.dispatched_at ? { dispatched_at: at, response_due: updated.deadline } : {}),
        ...(change.action === 'respond' && !row.responded_at ? { responded_at: at } : {}),
        ...(change.action === 'verify' ? { satisfaction: String(change.eventData?.satisfaction ?? '') || null } : {}),
        ...(terminal.has(updated.state) ? { closed_at: at } : {}),
      });
      if (change.action === 'dispatch') {
        const compound = compoundAt(await directory(ctx, db), ticket.orgPath);
        if (compound) await remindResponseDue(ctx, trx, updated, compound.company.id, compound.name);
      }
    },
  },
};
