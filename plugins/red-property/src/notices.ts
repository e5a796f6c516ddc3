import { localDateTime, peopleHolding, type Kysely, type NoticeKindDefinition, type PluginContext, type Ticket } from '@linli/sdk';

export const RESPONSE_DUE = 'red-property.response-due';

/** What the red-property supervision tells a property company, as data: the core checks the templates' variables at start. */
export const notices: NoticeKindDefinition[] = [
  {
    id: RESPONSE_DUE,
    label: { 'zh-CN': '物业投诉即将超时', en: 'Complaint response due soon' },
    vars: ['compound', 'due'],
    template: {
      title: { 'zh-CN': '投诉即将超时：{compound}', en: 'Complaint response due: {compound}' },
      body: { 'zh-CN': '{compound}的物业投诉须在{due}前答复，超时将计入红色物业考评。', en: 'A complaint at {compound} must be answered by {due}; a late answer counts in the red-property evaluation.' },
    },
    defaultChannels: ['sms', 'wecom', 'email'],
  },
];

const HOURS_BEFORE = 2;

/**
 * A dispatched complaint: the property company's people hear, two hours
 * before the response deadline, that it is about to count against them. The
 * job queue keeps the reminder; its key names the ticket and the deadline.
 */
export async function remindResponseDue(ctx: PluginContext, trx: Kysely<any>, ticket: Ticket, companyOrgId: string, compoundName: string): Promise<void> {
  if (!ticket.deadline) return;
  const to = await peopleHolding(trx, { orgIds: [companyOrgId] });
  if (to.length === 0) return;
  await ctx.notify(trx, {
    kind: RESPONSE_DUE,
    key: `complaint:${ticket.id}:${ticket.deadline.toISOString()}`,
    to,
    vars: { compound: compoundName, due: localDateTime(ticket.deadline, ctx.deployment.calendar.utcOffsetHours) },
    ticketId: ticket.id,
    at: new Date(ticket.deadline.getTime() - HOURS_BEFORE * 3_600_000),
  });
}
