import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message that
 * says what to do. README.md lists every code; errors.test.ts keeps the two
 * in sync. Generic cases (a malformed body, not logged in) use the core's codes.
 */
export const fail = defineErrors({
  VP_ERR_OPTIONS: { status: 500, message: 'The volunteer-points settings do not match the city: %s. Fix plugins.volunteer-points in the city config.' },
  VP_ERR_NOT_COMPOUND: { status: 422, message: '%s 不是小区：报到、微心愿和积分都按小区登记，请选择一个小区。%s is not a compound; choose a compound.' },
  VP_ERR_NOT_PARTICIPATING: { status: 422, message: '%s 未开展志愿积分工作。%s does not take part in volunteer points; ask the city to add it under plugins.volunteer-points.orgs.' },
  VP_ERR_ALREADY_REGISTERED: { status: 409, message: '您已在 %s 报到（%s），无需重复报到。You are already registered with this compound; update nothing, or register with another compound.' },
  VP_ERR_NOT_REGISTERED: { status: 403, message: '请先到居住小区报到（双报到）再认领或报名。Register with your home compound (双报到) first, then claim wishes or sign up for activities.' },
  VP_ERR_NOT_YOUR_COMPOUND: { status: 403, message: '您在 %s 没有居住或任职登记，不能在此报到；请在自己居住的小区报到。You hold no role at or within %s; register (双报到) with the compound you live in.' },
  VP_ERR_CLAIM_ON_BOARD: { status: 409, message: '微心愿请在心愿墙上认领。Claim a wish on the wish board (POST /api/plugins/volunteer-points/wishes/:id/claim), which records you as its claimant.' },
  VP_ERR_NOT_UNIT_CONTACT: { status: 403, message: '您不是 %s 的联络人，不能以该共建单位名义认领。You do not act for this co-building unit; claim as yourself, or ask its contact.' },
  VP_ERR_WISH_TAKEN: { status: 409, message: '这个微心愿已被 %s 认领。This wish is already claimed; choose another wish on the wish board.' },
  VP_ERR_WISH_CLOSED: { status: 409, message: '这个微心愿已%s，不能再认领。This wish is closed (%s); choose another wish on the wish board.' },
  VP_ERR_NOT_CLAIMANT: { status: 403, message: '只有认领人才能登记心愿的实现情况（认领人：%s）。Only the person who claimed this wish may record its fulfilment.' },
  VP_ERR_NOT_CLAIMED: { status: 409, message: '这个微心愿当前状态为"%s"，不是待实现。This wish is not waiting for fulfilment; only a claimed wish can be fulfilled.' },
  VP_ERR_OWN_FULFILMENT: { status: 403, message: '不能核验自己认领实现的微心愿，请由社区其他工作人员核验。You cannot verify a wish you fulfilled yourself; ask another community staff member.' },
  VP_ERR_NOT_STAFF: { status: 403, message: '只有服务 %s 的%s可以%s。Only %s serving this org may do this; ask them.' },
  VP_ERR_TEAM_EXISTS: { status: 409, message: '%s 已有名为「%s」的志愿服务队。A team of this name already exists here; choose another name.' },
  VP_ERR_BAD_HOURS: { status: 422, message: '服务时长 %s 小时不合理：应大于 0 且不超过 %s 小时。Enter the hours actually served: more than 0 and at most %s.' },
  VP_ERR_ACTIVITY_PAST: { status: 409, message: '活动（%s）已经结束，不能再报名。The activity on %s is over: sign up for a coming one.' },
  VP_ERR_ACTIVITY_NOT_YET: { status: 422, message: '活动在 %s 举行，当天或之后才能登记出勤。Record attendance on or after the activity day (%s).' },
  VP_ERR_ALREADY_SIGNED_UP: { status: 409, message: '您已报名参加这次活动。You have already signed up for this activity.' },
  VP_ERR_NOT_SIGNED_UP: { status: 422, message: '报到党员 %s 没有报名这次活动：先报名，再登记出勤。Member %s did not sign up for this activity; sign them up first.' },
  VP_ERR_ATTENDANCE_RECORDED: { status: 409, message: '%s 的出勤已经登记并记分；如有错误请在积分台账中登记更正。Attendance for %s is already recorded and scored; correct it with a ledger correction.' },
  VP_ERR_ENTRY_NOT_FOUND: { status: 404, message: '积分记录 %s 不存在或不在您的管辖范围内。Ledger entry %s does not exist in your scope; check the entry number.' },
  VP_ERR_CORRECTION_TARGET: { status: 422, message: '积分记录 %s 本身是更正记录；请更正原始记录。Entry %s is itself a correction: correct the original entry instead.' },
  VP_ERR_BALANCE_NEGATIVE: { status: 422, message: '更正 %s 分后%s将为负数（当前 %s 分）。A correction may not take a balance or an entry below zero; enter a smaller correction.' },
  VP_ERR_BAD_PERIOD: { status: 422, message: '统计期间不正确：%s 晚于 %s。The period starts after it ends; swap the dates.' },
});

export type ErrorCode = keyof typeof fail.table;
