import { personIdOf, type AfterTransitionHookEvent, type NoticeKindDefinition } from '@linli/sdk';

export const WISH_CLAIMED = 'volunteer-points.wish-claimed';
export const WISH_VERIFIED = 'volunteer-points.wish-verified';

/** What the wish board tells people, as data: the core checks the templates' variables at start. */
export const notices: NoticeKindDefinition[] = [
  {
    id: WISH_CLAIMED,
    label: { 'zh-CN': '我的心愿被认领', en: 'My wish was claimed' },
    vars: ['wish'],
    template: {
      title: { 'zh-CN': '心愿已被认领：{wish}', en: 'Your wish was claimed: {wish}' },
      body: { 'zh-CN': '您的微心愿“{wish}”已有人认领，实现后社区会核验。', en: 'Your micro-wish "{wish}" has been claimed; the community will verify it once fulfilled.' },
    },
    defaultChannels: ['sms', 'email'],
  },
  {
    id: WISH_VERIFIED,
    label: { 'zh-CN': '认领的心愿通过核验', en: 'A wish I fulfilled was verified' },
    vars: ['wish'],
    template: {
      title: { 'zh-CN': '心愿核验通过：{wish}', en: 'Wish verified: {wish}' },
      body: { 'zh-CN': '您认领的微心愿“{wish}”已核验通过，积分已记入。', en: 'The micro-wish "{wish}" you fulfilled was verified; your points are recorded.' },
    },
    defaultChannels: ['wecom', 'email'],
  },
];

/** A claimed wish tells the resident who posted it; a verified one, the person who fulfilled it. Nobody else's details are in either. */
export async function tellWishMoved({ change, updated, trx, ctx, actor }: AfterTransitionHookEvent): Promise<void> {
  const to = change.action === 'claim' ? updated.reporterId : change.action === 'verify' ? updated.assigneePersonId : null;
  if (!to || Number(to) === personIdOf(actor)) return;
  await ctx.notify(trx, { kind: change.action === 'claim' ? WISH_CLAIMED : WISH_VERIFIED, key: `wish:${updated.id}:${change.action}:${updated.version}`, to: [to], vars: { wish: updated.title }, ticketId: updated.id });
}
