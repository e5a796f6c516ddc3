import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message that
 * says what to do, in English and Chinese (a Chinese reader gets the `zh-CN`
 * one; arguments keep their order, `%2$s` picks the one an English sentence needs). README.md lists every code; errors.test.ts keeps the two
 * in sync. Generic cases (a malformed body, not logged in) use the core's codes.
 */
export const fail = defineErrors({
  VP_ERR_OPTIONS: { status: 500, message: 'The volunteer-points settings do not match the city: %s. Fix plugins.volunteer-points in the city config.' },
  VP_ERR_NOT_COMPOUND: { status: 422, message: "%2$s is not a compound: registrations, wishes and points are kept per compound; choose a compound.", 'zh-CN': "%s 不是小区：报到、微心愿和积分都按小区登记，请选择一个小区。" },
  VP_ERR_NOT_PARTICIPATING: { status: 422, message: "%2$s does not take part in volunteer points; ask the city to add it under plugins.volunteer-points.orgs.", 'zh-CN': "%s 未开展志愿积分工作。" },
  VP_ERR_ALREADY_REGISTERED: { status: 409, message: "You are already registered with %s (%s); register with another compound, or leave it as it is.", 'zh-CN': "您已在 %s 报到（%s），无需重复报到。" },
  VP_ERR_NOT_REGISTERED: { status: 403, message: "Register with your home compound (双报到) first, then claim wishes or sign up for activities.", 'zh-CN': "请先到居住小区报到（双报到）再认领或报名。" },
  VP_ERR_NOT_YOUR_COMPOUND: { status: 403, message: "You hold no role at or within %2$s; register (双报到) with the compound you live in.", 'zh-CN': "您在 %s 没有居住或任职登记，不能在此报到；请在自己居住的小区报到。" },
  VP_ERR_CLAIM_ON_BOARD: { status: 409, message: "Claim a wish on the wish board (POST /api/plugins/volunteer-points/wishes/:id/claim), which records you as its claimant.", 'zh-CN': "微心愿请在心愿墙上认领。" },
  VP_ERR_NOT_UNIT_CONTACT: { status: 403, message: "You do not act for the co-building unit %s; claim as yourself, or ask its contact.", 'zh-CN': "您不是 %s 的联络人，不能以该共建单位名义认领。" },
  VP_ERR_WISH_TAKEN: { status: 409, message: "This wish is already claimed by %s; choose another wish on the wish board.", 'zh-CN': "这个微心愿已被 %s 认领。" },
  VP_ERR_WISH_CLOSED: { status: 409, message: "This wish is closed (%2$s); choose another wish on the wish board.", 'zh-CN': "这个微心愿已%s，不能再认领。" },
  VP_ERR_NOT_CLAIMANT: { status: 403, message: "Only the person who claimed this wish (%s) may record its fulfilment.", 'zh-CN': "只有认领人才能登记心愿的实现情况（认领人：%s）。" },
  VP_ERR_NOT_CLAIMED: { status: 409, message: "This wish is \"%s\", not waiting for fulfilment; only a claimed wish can be fulfilled.", 'zh-CN': "这个微心愿当前状态为\"%s\"，不是待实现。" },
  VP_ERR_OWN_FULFILMENT: { status: 403, message: "You cannot verify a wish you fulfilled yourself; ask another community staff member.", 'zh-CN': "不能核验自己认领实现的微心愿，请由社区其他工作人员核验。" },
  VP_ERR_NOT_STAFF: { status: 403, message: "Only %4$s serving %1$s may do this; ask them.", 'zh-CN': "只有服务 %s 的%s可以%s。" },
  VP_ERR_TEAM_EXISTS: { status: 409, message: "%s already has a volunteer team named \"%s\"; choose another name.", 'zh-CN': "%s 已有名为「%s」的志愿服务队。" },
  VP_ERR_BAD_HOURS: { status: 422, message: "%s hours is not a plausible service time: enter the hours actually served, more than 0 and at most %s.", 'zh-CN': "服务时长 %s 小时不合理：应大于 0 且不超过 %s 小时。" },
  VP_ERR_ACTIVITY_PAST: { status: 409, message: "The activity on %2$s is over: sign up for a coming one.", 'zh-CN': "活动（%s）已经结束，不能再报名。" },
  VP_ERR_ACTIVITY_NOT_YET: { status: 422, message: "The activity is on %s: record attendance on or after that day.", 'zh-CN': "活动在 %s 举行，当天或之后才能登记出勤。" },
  VP_ERR_ALREADY_SIGNED_UP: { status: 409, message: "You have already signed up for this activity.", 'zh-CN': "您已报名参加这次活动。" },
  VP_ERR_NOT_SIGNED_UP: { status: 422, message: "Member %s did not sign up for this activity; sign them up first, then record attendance.", 'zh-CN': "报到党员 %s 没有报名这次活动：先报名，再登记出勤。" },
  VP_ERR_ATTENDANCE_RECORDED: { status: 409, message: "Attendance for %s is already recorded and scored; correct it with a ledger correction.", 'zh-CN': "%s 的出勤已经登记并记分；如有错误请在积分台账中登记更正。" },
  VP_ERR_ENTRY_NOT_FOUND: { status: 404, message: "Ledger entry %s does not exist in your scope; check the entry number.", 'zh-CN': "积分记录 %s 不存在或不在您的管辖范围内。" },
  VP_ERR_CORRECTION_TARGET: { status: 422, message: "Entry %s is itself a correction: correct the original entry instead.", 'zh-CN': "积分记录 %s 本身是更正记录；请更正原始记录。" },
  VP_ERR_BALANCE_NEGATIVE: { status: 422, message: "A correction of %s points would take a balance or an entry below zero (now %3$s); enter a smaller correction.", 'zh-CN': "更正 %s 分后%s将为负数（当前 %s 分）。" },
  VP_ERR_BAD_PERIOD: { status: 422, message: "The period starts (%s) after it ends (%s); swap the dates.", 'zh-CN': "统计期间不正确：%s 晚于 %s。" },
});

export type ErrorCode = keyof typeof fail.table;
