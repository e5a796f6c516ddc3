import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message that
 * says what to do. README.md lists every code; errors.test.ts keeps the two
 * in sync. Generic cases (not found, not logged in) use the core's codes.
 */
export const fail = defineErrors({
  TLO_ERR_OFFICE_CONFIG: { status: 500, message: 'The three-linked office settings do not match the city: %s. Fix plugins.three-linked-office in the city config (see details).' },
  TLO_ERR_NO_OFFICE: { status: 422, message: '%s has no three-linked office (三联办). Add it under plugins.three-linked-office.offices in the city config.', 'zh-CN': '%s没有设立三联办。请在城市配置 plugins.three-linked-office.offices 中添加，或选择已设立三联办的小区。' },
  TLO_ERR_NOT_ALLOWED: { status: 403, message: 'Only %s serving %s may %s.', 'zh-CN': '只有服务%2$s的%1$s可以%3$s。' },
  TLO_ERR_NOT_OFFICE_MEMBER: { status: 403, message: 'You may raise property problems only for a compound you serve or whose three-linked office you sit in (%s is not one).', 'zh-CN': '只能为您服务的小区或您所在的三联办反映物业问题（%s不在其中）。' },
  TLO_ERR_MEETING_EXISTS: { status: 409, message: '%s already has a meeting on %s. Open that meeting, or choose another date.', 'zh-CN': '%s在%s已有一次会商，请打开那次会商，或另选日期。' },
  TLO_ERR_MEETING_IN_PAST: { status: 422, message: 'The meeting date %s is before today (%s). Choose today or a later date.', 'zh-CN': '会商日期%s早于今天（%s），请选择今天或以后的日期。' },
  TLO_ERR_MEETING_NOT_YET: { status: 422, message: 'The meeting on %s has not started yet: record attendance on or after that day.', 'zh-CN': '%s的会商还没有开始，请在当天或之后登记出席。' },
  TLO_ERR_MEETING_CLOSED: { status: 422, message: 'The meeting on %s is already %s; work on the next meeting instead.', 'zh-CN': '%s的会商已%s，请在下一次会商中继续。' },
  TLO_ERR_MEETING_NOT_HELD: { status: 422, message: 'The meeting on %s has no attendance recorded: record who came, or cancel the meeting if it did not take place.', 'zh-CN': '%s的会商还没有登记出席：请先登记到会各方；会商没有召开的请取消。' },
  TLO_ERR_NO_QUORUM: { status: 422, message: 'A decision needs all three parties present, but %s did not attend the meeting on %s. Record their attendance if they came, or carry the problem over to the next meeting.', 'zh-CN': '会商决定需要三方到齐，但%s没有出席%s的会商。如果他们到了，请补登出席；否则把问题转到下次会商。' },
  TLO_ERR_ALREADY_ON_AGENDA: { status: 409, message: 'Problem %s is already on the agenda of the meeting on %s; a problem is on one agenda at a time. Take it off that agenda first.', 'zh-CN': '问题%s已在%s的会商议程上，一个问题同一时间只能在一次议程上。请先从那次议程中移出。' },
  TLO_ERR_NOT_ON_AGENDA: { status: 422, message: 'Problem %s is not awaiting a decision on the agenda of this meeting. Add it to the agenda first.', 'zh-CN': '问题%s不在这次会商的待议议程上，请先把它排入议程。' },
  TLO_ERR_NOT_DISCUSSABLE: { status: 422, message: 'Problem %s is "%s"; only problems awaiting the meeting (待会商) go on an agenda.', 'zh-CN': '问题%s当前为“%s”，只有待会商的问题可以排入议程。' },
  TLO_ERR_WRONG_PARTY_ORG: { status: 422, message: 'The responsible organization must be the %s of this office (org %s), not org %s.', 'zh-CN': '责任单位必须是本三联办的%s（组织%s），不能是组织%s。' },
  TLO_ERR_DEADLINE_PAST: { status: 422, message: 'The deadline %s is not in the future; choose a later date and time.', 'zh-CN': '办结时限%s不在今后，请选择以后的日期和时间。' },
  TLO_ERR_MONTH_IN_FUTURE: { status: 422, message: 'The month %s has not begun yet; enter rates for this month (%s) or earlier.', 'zh-CN': '%s还没有开始，请录入本月（%s）或以前的收缴率。' },
  TLO_ERR_FEE_INCONSISTENT: { status: 422, message: 'The figures disagree: %s.', 'zh-CN': '数字对不上：%s。' },
});

export type ErrorCode = keyof typeof fail.table;
