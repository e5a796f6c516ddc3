import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message that
 * says what to do (Chinese first: staff read 422 messages in the web app).
 * README.md lists every code; errors.test.ts keeps the two in sync.
 */
export const fail = defineErrors({
  RP_ERR_CONFIG: { status: 500, message: 'The red-property settings do not match the city: %s. Fix plugins.red-property in the city config.' },
  RP_ERR_NO_PROPERTY_COMPANY: { status: 422, message: '%s 没有登记物业服务企业，无法受理物业投诉。%s has no property company in plugins.red-property.propertyCompanies: file the complaint at a compound that has one, or ask the implementer to add it.' },
  RP_ERR_WRONG_COMPANY: { status: 422, message: '%s 的物业服务企业是 %s（组织 %s），请交办给它。The complaint must go to the compound\'s own property company, org %s.' },
  RP_ERR_NOT_ALLOWED: { status: 403, message: 'Only %s may %s.' },
  RP_ERR_NOT_EVALUATOR: { status: 403, message: '只有该物业服务企业所在社区的社区书记或小区党支部书记可以考核它。Only the community secretary or compound branch secretary serving a compound of %s may evaluate it.' },
  RP_ERR_SELF_EVALUATION: { status: 403, message: '物业服务企业不能给自己打分。You hold a role at %s: a company never evaluates itself; ask the community party organization.' },
  RP_ERR_SCORE_OUT_OF_RANGE: { status: 422, message: '评分超出范围：%s。Each score must be a whole number from 0 to the criterion\'s maximum (see details).' },
  RP_ERR_ALREADY_EVALUATED: { status: 409, message: '%s 在 %s 已有考核评价，不能重复评分。%s was already evaluated for %s; the credit file keeps one evaluation per period.' },
  RP_ERR_BAD_PERIOD: { status: 422, message: '考核期 %s 无效：%s。Use a %s period such as %s that has already begun.' },
  RP_ERR_BAD_AMOUNT: { status: 422, message: '金额必须是正整数（单位：分），收到 %s。The amount is in fen (1 yuan = 100 fen): a whole number of at least 1.' },
  RP_ERR_TEN_MATTERS_FULL: { status: 422, message: '%s 在 %s 年已有 %s 件未办结的实事，十件实事清单已满。Close one of the open practical matters before adding another (at most 10 open per compound per year).' },
  RP_ERR_MATTER_CLOSED: { status: 409, message: '实事“%s”已办结。The practical matter is already done.' },
  RP_ERR_FOUR_PARTIES_MISSING: { status: 422, message: '四方联席会议作出决定需要四方都出席，缺席：%s。A decision needs the party branch, residents\' committee, owners\' committee and property company present; record their attendance, or record the meeting without a decision.' },
  RP_ERR_NOT_COMMITTEE_MEMBER: { status: 422, message: '出席的业委会委员须是本小区在任业主委员会的委员。Tick members of the compound\'s sitting owners\' committee only (%s).' },
  RP_ERR_NOT_A_COMPOUND: { status: 422, message: '%s 不是小区。Choose a compound (小区): the three ledgers and four-party meetings are kept per compound.' },
});

export type ErrorCode = keyof typeof fail.table;
