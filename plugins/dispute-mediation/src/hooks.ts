import { localDateTime, parseId, peopleHolding, type PluginHooks } from '@linli/sdk';
import { fail } from './errors.js';
import type { CaseData } from './forms/case.js';
import { unwatchMediation, watchDeadline } from './jobs.js';
import { REFERRED } from './notices.js';
import { isDesk, onTeam } from './permissions.js';
import { getCase, insertCase, orgById, orgByPath, sessionCount, teamOf, updateCase } from './store/cases.js';
import { typed } from './store/tables.js';
import { CASE_WORKFLOW } from './workflows/case.js';

const terminal = new Set(['closed', 'withdrawn']);
const mediatorSteps = new Set(['agree', 'refer', 'visit']);

/**
 * Hooks of the case workflow, inside the step's transaction: the rules the
 * workflow cannot say as data (a case lies at a compound; only its own team
 * mediates it; an outcome needs a session; a referral goes to a street, court
 * or department), and the case's read model, deadline jobs and notices.
 */
export const hooks: PluginHooks = {
  [CASE_WORKFLOW]: {
    async afterCreate({ ticket, trx }) {
      const db = typed(trx);
      const org = await orgById(db, Number(ticket.orgId));
      if (!org || org.type !== 'compound') {
        const name = org?.name ?? `org ${ticket.orgId}`;
        throw fail('DM_ERR_NOT_A_COMPOUND', [name, name], [{ path: '/orgId', message: 'not a compound (小区)' }]);
      }
      const d = ticket.data as CaseData;
      // The company involved, when named, is a property company (the picker offers only those; the API is checked too).
      const companyId = parseId(d.propertyOrgId);
      const company = companyId === null ? undefined : await orgById(db, companyId);
      if (d.propertyOrgId !== undefined && company?.type !== 'property_company') {
        const name = company?.name ?? `org ${d.propertyOrgId}`;
        throw fail('DM_ERR_NOT_A_COMPANY', [name, name], [{ path: '/data/propertyOrgId', message: 'not a property company' }]);
      }
      await insertCase(db, {
        ticket_id: Number(ticket.id),
        title: ticket.title,
        compound_org_id: org.id,
        compound_path: org.path,
        company_org_id: company ? company.id : null,
        dispute_type: d.disputeType,
        amount_fen: d.amountFen ?? null,
        applicant_kind: d.applicantKind,
        respondent_kind: d.respondentKind,
        state: ticket.state,
        version: ticket.version,
        deadline: ticket.deadline,
        filed_at: ticket.createdAt,
        team_formed_at: null,
        outcome: null,
        outcome_at: null,
        referral_kind: null,
        referral_org_id: null,
        referral_settled: null,
        agreed_amount_fen: null,
        closed_at: null,
        performed: null,
        satisfaction: null,
      });
    },

    async beforeTransition({ ticket, change, actor, trx }) {
      const db = typed(trx);
      const id = Number(ticket.id);
      const c = await getCase(db, id);
      if (!c) return;
      const team = (await teamOf(db, id)).map((t) => t.person_id);
      if (change.action === 'form-team' && team.length === 0) {
        return { veto: fail('DM_ERR_NO_TEAM', [ticket.id, ticket.id]) };
      }
      // The enrolment lets any team member at this compound in; only this case's team (or the desk) may go on.
      if (mediatorSteps.has(change.action) && !onTeam(actor, team) && !isDesk(actor, c.compound_path)) {
        return { veto: fail('DM_ERR_NOT_ON_TEAM', [ticket.id, ticket.id]) };
      }
      if ((change.action === 'agree' || change.action === 'refer') && (await sessionCount(db, id)) === 0) {
        return { veto: fail('DM_ERR_NO_SESSION', [ticket.id, ticket.id], [{ path: '/action', message: 'record a session first', localized: { 'zh-CN': '请先登记调解', en: 'record a session first' } }]) };
      }
      if (change.action === 'refer') {
        const targetId = parseId(String(change.eventData?.targetOrgId ?? ''));
        const target = targetId === null ? undefined : await orgById(db, targetId);
        if (!target || !['street', 'department'].includes(target.type)) {
          const name = target?.name ?? String(change.eventData?.targetOrgId ?? '');
          return { veto: fail('DM_ERR_BAD_REFERRAL', [name, name], [{ path: '/data/targetOrgId', message: 'not a street or department' }]) };
        }
      }
    },

    async afterTransition({ ticket, change, trx, ctx, updated }) {
      const db = typed(trx);
      const id = Number(ticket.id);
      const c = await getCase(db, id);
      if (!c) return;
      const at = ctx.now();
      const d = (change.eventData ?? {}) as Record<string, unknown>;
      await updateCase(db, id, {
        state: updated.state,
        version: updated.version,
        deadline: updated.deadline,
        ...(change.action === 'form-team' ? { team_formed_at: at } : {}),
        ...(change.action === 'agree' ? { outcome: 'agreement', outcome_at: at, agreed_amount_fen: typeof d.agreedAmountFen === 'number' ? d.agreedAmountFen : null } : {}),
        ...(change.action === 'refer' ? { outcome: 'referral', outcome_at: at, referral_kind: String(d.referralKind), referral_org_id: Number(d.targetOrgId) } : {}),
        ...(change.action === 'reply' ? { referral_settled: d.resolved === '已化解' } : {}),
        ...(change.action === 'send-back' ? { outcome: null, outcome_at: null, referral_kind: null, referral_org_id: null } : {}),
        ...(change.action === 'visit' ? { performed: String(d.performed), satisfaction: String(d.satisfaction) } : {}),
        ...(terminal.has(updated.state) ? { closed_at: at } : {}),
      });
      if (ticket.state === 'mediating' && updated.state !== 'mediating') await unwatchMediation(ctx, trx, ticket);
      await watchDeadline(ctx, trx, ticket.state, updated);
      if (change.action === 'refer') {
        const to = await peopleHolding(db, { orgIds: [String(d.targetOrgId)] });
        const compound = await orgByPath(db, c.compound_path);
        if (to.length) {
          await ctx.notify(trx, {
            kind: REFERRED,
            key: `referred:${id}:${updated.version}`,
            to,
            vars: { compound: compound?.name ?? '', disputeType: c.dispute_type, due: updated.deadline ? localDateTime(updated.deadline, ctx.deployment.calendar.utcOffsetHours) : '' },
            ticketId: ticket.id,
          });
        }
      }
    },
  },
};
