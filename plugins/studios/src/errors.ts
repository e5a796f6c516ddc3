import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message that
 * says what to do, in English and Chinese. README.md lists every code;
 * errors.test.ts keeps the two in sync. Generic cases (not found, not logged
 * in) use the core's codes.
 */
export const fail = defineErrors({
  STU_ERR_FULL: {
    status: 409,
    message: 'Someone else has just taken the last place of %s on %s. Choose another time; your booking was not made.',
    'zh-CN': '%s %s的最后一个名额刚刚被其他居民约走了，您的预约没有成功，请选择其他时间。',
  },
  STU_ERR_ALREADY_BOOKED: {
    status: 409,
    message: 'You already have a booking with %s on %s. Open 我的预约 to change or cancel it.',
    'zh-CN': '您已预约%s %s，请在“我的预约”中查看或取消。',
  },
  STU_ERR_NOT_RESIDENT: {
    status: 403,
    message: '%s receives residents of %s; your home is not there. Book a studio of your own community.',
    'zh-CN': '%s接待%s的居民，您不住在这里，请预约您所在社区的工作室。',
  },
  STU_ERR_NOT_STAFF: {
    status: 403,
    message: 'Only %s of %s may %s.',
    'zh-CN': '只有%2$s的社区工作人员可以%4$s。',
  },
  STU_ERR_SESSION_UNAVAILABLE: {
    status: 422,
    message: '%s has no opening at %s: choose one of the times listed (up to %s days ahead, not in the past).',
    'zh-CN': '%s在%s没有接待时段，请从列出的时间中选择（%s天以内，不能是已过去的时间）。',
  },
  STU_ERR_WRONG_STATUS: {
    status: 409,
    message: 'This booking is "%s", so it cannot be %s now. Reload the page to see where it stands.',
    'zh-CN': '这个预约当前为“%3$s”，不能%4$s。请刷新页面查看最新状态。',
  },
  STU_ERR_NOT_YET: {
    status: 422,
    message: 'The appointment is at %s: it can be recorded, or marked as missed, only once it has begun.',
    'zh-CN': '预约时间是%s，开始之后才能登记接待情况或登记爽约。',
  },
  STU_ERR_TOO_LATE: {
    status: 422,
    message: 'The appointment at %s has already begun; it can no longer be %s. Ask the studio in person.',
    'zh-CN': '%1$s的预约已经开始，不能再%3$s，请直接与工作室联系。',
  },
  STU_ERR_TOO_MANY_NO_SHOWS: {
    status: 403,
    message: 'You missed %s appointments in the last 90 days without cancelling, so online booking is paused. Ask the community office to book for you.',
    'zh-CN': '近90天内您有%s次预约未到且未取消，暂停网上预约。如需预约请联系社区。',
  },
  STU_ERR_SAME_SESSION: {
    status: 422,
    message: 'The other time you propose is the time already booked (%s); choose a different one.',
    'zh-CN': '改约时间与原预约时间（%s）相同，请选择其他时间。',
  },
  STU_ERR_BAD_SLOT: {
    status: 422,
    message: 'The slot %s.',
    'zh-CN': '接待时段有误：%2$s。',
  },
  STU_ERR_ALREADY_RATED: {
    status: 409,
    message: 'You rated this appointment already (%s stars). Thank you.',
    'zh-CN': '您已经评价过这次接待（%s星），谢谢。',
  },
  STU_ERR_BAD_MONTH: {
    status: 422,
    message: 'The month %s is not a month (expected YYYY-MM).',
    'zh-CN': '%s不是有效的月份（格式为YYYY-MM）。',
  },
});

export type ErrorCode = keyof typeof fail.table;
