import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message
 * that says what to do, in English and (`'zh-CN'`) Chinese: each reader gets
 * theirs. README.md lists every code; errors.test.ts keeps the
 * two in sync. Generic cases (not found, bad body) use the core's codes.
 */
export const fail = defineErrors({
  DK_ERR_NOT_VISITOR: {
    status: 403,
    message: 'Only %s serving %s may record door-knocking visits there. Ask the building leader or the grid worker of that building.',
  },
  DK_ERR_NOT_BUILDING: {
    status: 422,
    message: '%2$s is a %3$s, not a building: door-knocking visits are recorded per building; choose one of its buildings.',
    'zh-CN': '走访按楼栋登记，%s 不是楼栋，请选择它下面的楼栋。',
  },
  DK_ERR_PROBLEM_NOT_AT_BUILDING: {
    status: 422,
    message: 'A door-knocking problem is filed at the household’s building, and %2$s is a %3$s: record it with the visit, or file it at one of its buildings.',
    'zh-CN': '走访问题要登记在住户所在的楼栋，%s 不是楼栋：请在"登记走访"页面随走访一起登记。',
  },
  DK_ERR_NO_RETURN_VISIT: {
    status: 422,
    message: 'A problem found on a visit is closed only after a return visit: record a visit to %s (%s) after %s, then close it.',
    'zh-CN': '回访后才能销号：请先登记对 %s（%s）的回访（%s 之后），再回访销号。',
  },
  DK_ERR_UNKNOWN_ROUND: { status: 422, message: 'There is no round "%s" while the city visits %s time(s) a month; rounds look like %s.' },
});

export type ErrorCode = keyof typeof fail.table;
