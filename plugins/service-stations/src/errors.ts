import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message that
 * says what to do, in English and Chinese. README.md lists every code;
 * errors.test.ts keeps the two in sync.
 */
export const fail = defineErrors({
  SS_ERR_NOT_INSPECTOR: {
    status: 403,
    message: 'Only %s over %s may inspect its station. Ask the street that oversees it.',
    'zh-CN': '只有%s可以检查%s的服务站，请联系所在街道的督查人员。',
  },
  SS_ERR_NOT_KEEPER: {
    status: 403,
    message: 'Only the community staff or the compound branch secretary of %s may change its station. Ask them.',
    'zh-CN': '只有%s所在社区的工作人员或小区党支部书记可以维护服务站，请联系他们。',
  },
  SS_ERR_NOT_STATION_ORG: {
    status: 422,
    message: '%2$s is a %3$s: a service station serves a compound or a community; choose one.',
    'zh-CN': '服务站设在小区或社区，%s 不是小区或社区，请重新选择。',
  },
  SS_ERR_STATION_EXISTS: {
    status: 409,
    message: '%s already has a station named %s: open it from the station list instead.',
    'zh-CN': '%s 已有名为“%s”的服务站，请在站点列表中打开它。',
  },
  SS_ERR_ALREADY_INSPECTED: {
    status: 409,
    message: 'The %2$s inspection of %1$s was already recorded: a station is inspected once a period; reload to see it.',
    'zh-CN': '%s %s 的检查已登记，每期只检查一次，请刷新查看。',
  },
  SS_ERR_REASON_REQUIRED: {
    status: 422,
    message: '"%s" did not pass: say why, so the community knows what to fix.',
    'zh-CN': '“%s”不合格，请填写原因，社区才知道整改什么。',
  },
  SS_ERR_POSITION_FULL: {
    status: 409,
    message: '%s already has %s %s: a station is staffed 1 + 3 + N (one lead, three deputies, any number of members). Remove one first or add this person as a member.',
    'zh-CN': '%s 已有%s名%s（“1+3+N”：1名站长、3名副站长、N名楼栋长和志愿者），请先调整，或作为成员加入。',
  },
  SS_ERR_ALREADY_ON_STAFF: {
    status: 409,
    message: '%s is already on the staff of %s.',
    'zh-CN': '%s 已在%s的工作队伍中。',
  },
  SS_ERR_NOT_ON_STAFF: {
    status: 422,
    message: '%s is not on the staff of %s: add them to its 1 + 3 + N team first, then put them on duty.',
    'zh-CN': '%s 不在%s的工作队伍中，请先加入“1+3+N”队伍再排班。',
  },
  SS_ERR_NOT_IN_COMMUNITY: {
    status: 422,
    message: '%s holds no role in %s: a station is staffed by people of its own community.',
    'zh-CN': '%s 在%s没有任何身份，服务站队伍从本社区人员中选配。',
  },
  SS_ERR_NOT_FROM_INSPECTION: {
    status: 422,
    message: 'A rectification ticket is opened by a failed item of a station inspection: record the inspection instead.',
    'zh-CN': '整改工单由站点检查中不合格的项目生成，请登记站点检查。',
  },
});

export type ErrorCode = keyof typeof fail.table;
