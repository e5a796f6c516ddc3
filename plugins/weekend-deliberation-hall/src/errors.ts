import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message that
 * says what to do (staff read 422 messages in the web app, so they start in
 * Chinese). README.md lists every code; errors.test.ts keeps the two in sync.
 * Generic cases (not found, a body that fails its schema) use the core's codes.
 */
export const fail = defineErrors({
  WDH_ERR_HALL_CONFIG: { status: 500, message: 'The weekend deliberation hall settings do not match the city: %s. Fix plugins.weekend-deliberation-hall in the city config (see details).' },
  WDH_ERR_NO_HALL: { status: 422, message: '%s没有设立周末议事厅。%s has no weekend deliberation hall: add it under plugins.weekend-deliberation-hall.halls in the city config, or choose a compound that has one.' },
  WDH_ERR_NOT_ALLOWED: { status: 403, message: 'Only %s serving %s may %s.' },
  WDH_ERR_NOT_OF_COMPOUND: { status: 403, message: '只能为本人所在或服务的小区提出议题。You may raise topics only for a compound you live in or serve; %s is not one of them.' },
  WDH_ERR_NOT_WEEKEND: { status: 422, message: '议事厅在周末开展，%s是%s。Sessions are held on Saturdays and Sundays; %s is a weekday. Choose a weekend date (or enable allowWeekdaySessions in the city config).' },
  WDH_ERR_SESSION_IN_PAST: { status: 422, message: '议事日期%s早于今天（%s），请选择今天或以后的日期。The session date is in the past.' },
  WDH_ERR_SESSION_EXISTS: { status: 409, message: '%s在%s已有一期议事活动，请打开该期或另选日期。%s already has a session on that day.' },
  WDH_ERR_SESSION_NOT_YET: { status: 422, message: '本期议事活动定于%s举行，请在当天或之后登记签到。Record who came on or after the session day.' },
  WDH_ERR_SESSION_CLOSED: { status: 422, message: '%s的议事活动已%s，请在下一期议事活动中继续。The session is over; work on the next one.' },
  WDH_ERR_SESSION_NOT_HELD: { status: 422, message: '%s的议事活动尚未登记签到：请先登记到会人员；活动没有举行的请取消。Record who came first, or cancel the session if it did not take place.' },
  WDH_ERR_NOT_SCHEDULABLE: { status: 422, message: '议题%s当前为“%s”，只有已受理、待上会的议题可以排入议程。Only accepted topics awaiting a session go on an agenda.' },
  WDH_ERR_ALREADY_SCHEDULED: { status: 409, message: '议题%s已排入%s的议事活动，一个议题同一时间只能在一期议程上。Take it off that agenda first.' },
  WDH_ERR_NOT_ON_AGENDA: { status: 422, message: '议题%s不在本期（%s）待议议程上，不能表决。Topic is not waiting on this session’s agenda: schedule it on this session first.' },
  WDH_ERR_VOTES_EXCEED_PRESENT: { status: 422, message: '表决票数%s超过到会人数%s，请核对票数或补登签到。The vote counts add up to more than the people present.' },
  WDH_ERR_GROUP_ABSENT: { status: 422, message: '本期议事缺少%s参加，不能形成决议。A resolution needs someone present from every required stakeholder group: record their attendance if they came, or carry the topic over.' },
  WDH_ERR_VOTE_MISMATCH: { status: 422, message: '表决结果为“%s”（%s），请选择“%s”。The step does not match the vote under the city’s pass rule.' },
  WDH_ERR_DECLINE_REASON: { status: 422, message: '不予受理必须向居民说明理由（至少%s个字）。Declining a topic needs a reason the resident will read.' },
  WDH_ERR_DEADLINE_PAST: { status: 422, message: '完成时限%s不在今后，请选择以后的时间。The implementation deadline must be in the future.' },
  WDH_ERR_OWNERS_OFF: { status: 422, message: '本市未启用“业主自治”，议题不能交业主共同决定。Owners’ self-governance is not enabled in this city, so a topic cannot be referred to an owners’ vote: enable owners-self-governance in the city config.' },
  WDH_ERR_SCOPE_OUTSIDE: { status: 422, message: '%s不在议题所在的%s内，请选择本小区或本小区的楼栋。The vote must be for the topic’s compound or one of its buildings.' },
  WDH_ERR_OWNERS_VOTE_OPEN: { status: 409, message: '业主表决“%s”尚未结束，结束计票后再登记结果。The owners’ vote is still open: record its outcome once it is counted.' },
  WDH_ERR_OWNERS_VOTE_MISMATCH: { status: 422, message: '业主表决结果为“%s”，请选择“%s”。The step contradicts the counted owners’ vote.' },
});

export type ErrorCode = keyof typeof fail.table;
