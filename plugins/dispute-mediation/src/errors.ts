import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message that
 * says what to do, in English (`message`) and Chinese (`zh-CN`). README.md
 * lists each; errors.test.ts keeps the two in sync.
 */
export const fail = defineErrors({
  DM_ERR_NOT_A_COMPOUND: {
    status: 422,
    message: '%s is not a compound: a property dispute is taken in at the compound (小区) it concerns; choose the compound.',
    'zh-CN': '%s 不是小区：物业纠纷按所在小区受理，请选择小区。',
  },
  DM_ERR_NOT_A_COMPANY: {
    status: 422,
    message: '%s is not a property company: name the property company involved, or leave the field empty.',
    'zh-CN': '%s 不是物业服务企业：请选择涉及的物业服务企业，或不填。',
  },
  DM_ERR_NOT_INTAKE: {
    status: 403,
    message: 'Only the community secretary or community staff serving %s may form its mediation team; ask them.',
    'zh-CN': '只有%s所在社区的社区书记或社区工作者可以组建调解团队，请联系他们。',
  },
  DM_ERR_NOT_ON_TEAM: {
    status: 403,
    message: 'You are not on the mediation team of case %s: only its mediators and the community may record its sessions and outcome.',
    'zh-CN': '您不在案件 %s 的调解团队中：只有团队调解员和社区可以记录调解和结果。',
  },
  DM_ERR_BAD_TEAM: {
    status: 422,
    message: 'The team cannot be formed: %s. Choose %s–%s mediators from the pools, the lead among them.',
    'zh-CN': '调解团队不符合要求：%s。请从调解员库选择 %s–%s 名调解员，并从中指定主调解员。',
  },
  DM_ERR_NO_PROFESSIONAL: {
    status: 422,
    message: 'The team needs at least one professional mediator (judge, prosecutor, police officer or lawyer, 三官一律); add one from a professional pool.',
    'zh-CN': '调解团队至少需要一名“三官一律”专业调解员（法官、检察官、民警或律师），请从专业调解员库中添加。',
  },
  DM_ERR_WRONG_STATE: {
    status: 409,
    message: 'Case %s is %s: %s is not possible now. Reload the case to see where it stands.',
    'zh-CN': '案件 %4$s 当前为“%5$s”，现在不能%6$s。请刷新查看案件进展。',
  },
  DM_ERR_NO_TEAM: {
    status: 422,
    message: 'Case %s has no mediation team yet: form it from 组建调解团队 (the case list) first.',
    'zh-CN': '案件 %s 尚未组建调解团队，请先在案件列表中“组建调解团队”。',
  },
  DM_ERR_NO_SESSION: {
    status: 422,
    message: 'Case %s has no mediation session recorded: record at least one session (attendance and record) before its outcome.',
    'zh-CN': '案件 %s 还没有调解记录：请先登记至少一次调解（出席和笔录），再记录调解结果。',
  },
  DM_ERR_BAD_ATTENDANCE: {
    status: 422,
    message: 'The attendance names %s, who is not on the team of case %s: tick only the team\'s mediators.',
    'zh-CN': '出席调解员中的%s不在案件 %s 的调解团队中，请只勾选本案调解员。',
  },
  DM_ERR_BAD_REFERRAL: {
    status: 422,
    message: '%s cannot take a referral: refer a dispute to a street, a court or a government department.',
    'zh-CN': '%s 不能接收移交：请移交街道、法院或职能部门。',
  },
  DM_ERR_FUTURE_DATE: {
    status: 422,
    message: 'The date %s is after today: record a session once it has been held.',
    'zh-CN': '日期 %s 晚于今天：调解结束后再登记。',
  },
});

export type ErrorCode = keyof typeof fail.table;
