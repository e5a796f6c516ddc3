import type { WorkflowDefinition } from '@linli/sdk';
import { verifierRoles } from '../permissions.js';

export const WISH_WORKFLOW = 'volunteer-points.wish';

/** 双报到 registrations as an enrolment the core reads (plugin.ts declares where): a member is enrolled at their compound's community. */
export const MEMBER_ENROLMENT = 'volunteer-points.member';

/** Who may post a wish at a compound: its residents, and staff posting for a resident who asked in person. */
const posters = ['resident', 'building_leader', 'grid_worker', 'party_grid_worker', 'grid_leader', 'branch_secretary', 'community_staff', 'community_secretary'].map((role) => ({
  role,
  scope: 'ancestor' as const,
}));

/** Verification is the community's: 成效群众判, checked by community staff. */
const verifiers = verifierRoles.map((role) => ({ role, scope: 'ancestor' as const }));

/**
 * 微心愿: a resident posts a wish → a registered member or a co-building unit
 * claims it (the plugin's claim route; a claim locks it to one claimant) →
 * the claimant records its fulfilment with photos → the community verifies
 * (points are written to the ledger in the same transaction) or sends it back
 * with a reason.
 */
export const wishWorkflow: WorkflowDefinition = {
  id: WISH_WORKFLOW,
  title: { 'zh-CN': '微心愿', en: 'Micro-wish' },
  description: { 'zh-CN': '群众发布 → 党员/共建单位认领 → 实现 → 社区核验记分', en: 'Posted → claimed → fulfilled → verified by the community, points awarded' },
  intakeForm: 'volunteer-points.wish',
  titleField: 'title',
  create: posters,
  intake: {
    title: { 'zh-CN': '许个微心愿', en: 'Make a micro-wish' },
    hint: { 'zh-CN': '生活里需要帮一把的小事，党员志愿者和共建单位来认领', en: 'A small need in daily life; volunteers and co-building units claim it' },
    locationQuestion: { 'zh-CN': '您住在哪个小区？', en: 'Which compound do you live in?' },
    submit: { 'zh-CN': '提交心愿', en: 'Post the wish' },
    success: { 'zh-CN': '心愿已发布到心愿墙，有人认领后可在办理进度里看到。', en: 'Posted on the wish board: you will see it in the progress once someone claims it.' },
    mapPin: false,
  },
  initial: 'posted',
  states: [
    { id: 'posted', title: { 'zh-CN': '待认领', en: 'Waiting for a claim' }, timeLimit: { days: 30 } },
    { id: 'claimed', title: { 'zh-CN': '已认领', en: 'Claimed' }, timeLimit: { days: 15 } },
    { id: 'fulfilled', title: { 'zh-CN': '待核验', en: 'Awaiting verification' }, timeLimit: { days: 3, workingDays: true } },
    { id: 'verified', title: { 'zh-CN': '已实现', en: 'Fulfilled and verified' }, terminal: true },
    { id: 'withdrawn', title: { 'zh-CN': '已撤销', en: 'Withdrawn' }, terminal: true },
  ],
  transitions: [
    {
      name: 'claim', visibility: 'public',
      title: { 'zh-CN': '认领', en: 'Claim' },
      from: 'posted',
      to: 'claimed',
      // Decided by the core: a 双报到 member enrolled in the wish's community, or a co-building unit's contact whose unit is attached above the wish.
      allow: [
        { scope: 'enrolled', enrolment: MEMBER_ENROLMENT },
        { role: 'co_building_contact', scope: 'host' },
      ],
      form: 'volunteer-points.claim',
      effects: [{ type: 'assign-person', actor: true }],
    },
    { name: 'fulfil', visibility: 'public', title: { 'zh-CN': '登记实现', en: 'Record fulfilment' }, from: 'claimed', to: 'fulfilled', allow: [{ scope: 'assigned-person' }], form: 'volunteer-points.fulfil' },
    { name: 'verify', visibility: 'public', title: { 'zh-CN': '核验通过', en: 'Verify' }, from: 'fulfilled', to: 'verified', allow: verifiers, form: 'volunteer-points.verify' },
    { name: 'reject', title: { 'zh-CN': '退回认领人', en: 'Send back to the claimant' }, from: 'fulfilled', to: 'claimed', allow: verifiers, commentRequired: true },
    {
      name: 'release',
      title: { 'zh-CN': '放弃认领', en: 'Give up the claim' },
      from: 'claimed',
      to: 'posted',
      allow: [{ scope: 'assigned-person' }, ...verifiers],
      commentRequired: true,
      effects: [{ type: 'clear-assignee' }],
    },
    { name: 'withdraw', title: { 'zh-CN': '撤销心愿', en: 'Withdraw' }, from: 'posted', to: 'withdrawn', allow: [{ scope: 'reporter' }, ...verifiers], commentRequired: true },
  ],
};

export const wishStateTitles = new Map(wishWorkflow.states.map((s) => [s.id, s.title]));
