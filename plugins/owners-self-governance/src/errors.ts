import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, a message that says
 * what to do, in English and Chinese. README.md lists every code; errors.test.ts
 * keeps the two in sync. Generic cases (not found, a body failing its schema)
 * use the core's codes.
 */
export const fail = defineErrors({
  OSG_ERR_NOT_CONVENER: { status: 403, message: 'Only community or street staff serving %s may set up votes, record paper ballots or close votes there.', 'zh-CN': '只有服务%s的社区或街道工作人员可以发起表决、登记纸质选票或结束表决。' },
  OSG_ERR_NOT_BUILDING: { status: 422, message: '%s is not a building: a property unit belongs to a building; choose one.', 'zh-CN': '%s不是楼栋：房屋必须登记在楼栋下，请选择楼栋。' },
  OSG_ERR_BAD_SCOPE: { status: 422, message: '%s is neither a compound nor a building: an owners’ vote is held for a compound or for one building.', 'zh-CN': '%s不是小区或楼栋：业主表决以小区或单栋楼为范围，请重新选择。' },
  OSG_ERR_BAD_AREA: { status: 422, message: 'The area "%s" must be square metres with at most two decimals, e.g. 89.56.', 'zh-CN': '面积“%s”格式不对，请填写平方米，最多两位小数，如 89.56。' },
  OSG_ERR_UNIT_EXISTS: { status: 409, message: '%s %s is registered already.', 'zh-CN': '%s%s已登记，请勿重复登记。' },
  OSG_ERR_NO_UNITS: { status: 422, message: 'No property units are registered in %s: register its units and owners before a vote.', 'zh-CN': '%s还没有登记房屋和业主，请先登记再发起表决。' },
  OSG_ERR_VOTE_CLOSED: { status: 409, message: 'The vote “%s” is closed: no more ballots are taken.', 'zh-CN': '表决“%s”已结束，不再接受投票。' },
  OSG_ERR_VOTE_ENDED: { status: 409, message: 'Voting on “%s” ended at %s; staff close it and publish the result.', 'zh-CN': '表决“%s”已于%s截止，请等待公布结果。' },
  OSG_ERR_NOT_OWNER: { status: 403, message: 'You are not a registered owner of that unit: ask the community to link your account to your home.', 'zh-CN': '您不是该房屋登记的业主，请联系社区将您的账号与房屋关联。' },
  OSG_ERR_NOT_ELIGIBLE: { status: 422, message: 'That unit is not part of the vote “%s” (it lies outside its compound or building, or was registered after the vote opened).', 'zh-CN': '该房屋不在表决“%s”的范围内（不在本小区或本楼栋，或在表决开始后才登记）。' },
  OSG_ERR_ALREADY_VOTED: { status: 409, message: 'Unit %s has voted on this question already: one vote per owner (co-owners of a unit, and an owner of several units, cast one); a ballot is final.', 'zh-CN': '%s已经投过票：每位业主一票（共有人共投一票，同一业主的多套房屋共投一票），投票后不可更改。' },
  OSG_ERR_NOT_CONFIRMED: { status: 422, message: 'Confirm your vote: tick the box saying it is final once submitted.', 'zh-CN': '请勾选确认：投票提交后不可更改。' },
  OSG_ERR_CLOSE_NOT_CONFIRMED: { status: 422, message: 'Tick the box confirming the close: voting ends, the ballots are counted by Civil Code Art. 278 and the result is published.', 'zh-CN': '请勾选确认结束表决：结束后不能再投票，将按民法典第二百七十八条计票并公示结果。' },
  OSG_ERR_PUBLISH_NOT_CONFIRMED: { status: 422, message: 'Tick the box confirming publication: the candidates who passed are posted (name and building) and nominations and checks close.', 'zh-CN': '请勾选确认公布：通过审查的候选人（姓名和楼栋）将公示，之后不能再提名或审查。' },
  OSG_ERR_PHOTO_REQUIRED: { status: 422, message: 'A paper ballot is recorded with a photo of the signed ballot, uploaded by you.', 'zh-CN': '登记纸质选票必须上传本人拍摄的签名选票照片。' },
  OSG_ERR_UNKNOWN_RULE: { status: 500, message: 'Matter %s is mapped to rule "%s", which the city config does not define: fix plugins.owners-self-governance.', 'zh-CN': '表决事项%s对应的规则“%s”未定义，请修正城市配置。' },
  OSG_ERR_ELECTION_PUBLISHED: { status: 409, message: 'The vetted list of “%s” is published: nominations and checks are closed.', 'zh-CN': '“%s”的候选人审查结果已公布，不能再提名或审查。' },
  OSG_ERR_NOT_ON_ROLL: { status: 422, message: 'The candidate must be an owner on the roll of %s.', 'zh-CN': '候选人必须是%s业主名册上的业主。' },
  OSG_ERR_ALREADY_NOMINATED: { status: 409, message: 'This owner is a candidate already.', 'zh-CN': '该业主已是候选人。' },
  OSG_ERR_NOT_CHECKER: { status: 403, message: 'This item is checked by %s.', 'zh-CN': '此项由%s审查。' },
  OSG_ERR_ALREADY_CHECKED: { status: 409, message: 'This item has been checked already.', 'zh-CN': '此项已审查。' },
  OSG_ERR_REASON_REQUIRED: { status: 422, message: 'Say why the candidate fails this item (at least 4 characters): the preparatory group tells the candidate.', 'zh-CN': '不通过必须写明理由（至少4个字），筹备组将告知候选人。' },
  OSG_ERR_VETTING_OPEN: { status: 422, message: '%s checks are still pending: publish once every department has answered.', 'zh-CN': '还有%s项审查未完成，请各部门审查完毕后再公布。' },
  OSG_ERR_NOT_RESIDENT: { status: 422, message: 'That account holds no role in this compound: register the person as a resident of the compound first.', 'zh-CN': '该账号不是本小区的居民或工作人员，请先为其登记本小区居民身份。' },
  OSG_ERR_NOT_PUBLISHED: { status: 422, message: 'The vetted list of “%s” is not published yet: owners elect the committee from the published list.', 'zh-CN': '“%s”的候选人名单尚未公布：业主从公布的名单中选举业主委员会。' },
  OSG_ERR_NO_CANDIDATES: { status: 422, message: 'The published list of “%s” has no vetted candidate: nobody to elect.', 'zh-CN': '“%s”公布的名单中没有通过审查的候选人，无法选举。' },
  OSG_ERR_BALLOT_KIND: { status: 422, message: 'The vote “%s” takes %s on its ballot: use the ballot it lists.', 'zh-CN': '表决“%s”的选票是%s，请使用对应的选票。' },
  OSG_ERR_TOO_MANY_TICKED: { status: 422, message: '%s candidates ticked: tick at most %s, as many as there are seats (or none, to abstain from all).', 'zh-CN': '勾选了%s名候选人：最多勾选%s名，不超过应选人数（一个不勾即全部弃权）。' },
  OSG_ERR_NOT_CANDIDATE: { status: 422, message: 'Tick only candidates of the published list the vote “%s” decides.', 'zh-CN': '只能勾选表决“%s”公布名单中的候选人。' },
  OSG_ERR_ELECTION_VOTED: { status: 409, message: 'Owners are voting on “%s” already, or have elected its committee.', 'zh-CN': '“%s”已在表决中，或已选出业主委员会。' },
  OSG_ERR_LAST_OWNER: { status: 409, message: '%s would have no owner left: register its new owner first (业主名册 → 登记业主), then remove this one.', 'zh-CN': '%s只剩这一位业主，移除后将无人可以投票：请先登记新业主（业主名册 → 登记业主），再移除原业主。' },
  OSG_ERR_REMOVAL_NOT_CONFIRMED: { status: 422, message: 'Tick the box confirming the removal: the owner leaves the roll.', 'zh-CN': '请勾选确认移除：该业主将从名册中移除。' },
  OSG_ERR_OWNER_EXISTS: { status: 409, message: 'An owner of that name is on this unit’s roll already.', 'zh-CN': '该房屋名册中已有同名业主，请勿重复登记。' },
  OSG_ERR_SEAT_ENDED: { status: 409, message: 'This member’s seat has ended (no longer an owner of the compound): roles are set for sitting members only.', 'zh-CN': '该委员已不再是本小区业主，委员资格已终止，只能为在任委员设定职务。' },
  OSG_ERR_CANDIDACY_ENDED: { status: 409, message: 'A candidate of “%s” is no longer an owner of the compound: their candidacy has ended. Reload the list and leave them out.', 'zh-CN': '“%s”有候选人已不再是本小区业主，候选资格已终止，请刷新后不选此人。' },
  OSG_ERR_CHAIR_TAKEN: { status: 409, message: 'The committee has a chair (主任) already: make them a member (委员) first.', 'zh-CN': '该业主委员会已有主任，请先将原主任改为委员。' },
});

export type ErrorCode = keyof typeof fail.table;

/** The detail under a confirmation box left unticked, in the reader's language. */
export const untickedConfirm = [{ path: '/confirm', message: 'must be ticked', localized: { 'zh-CN': '请勾选此项', en: 'must be ticked' } }];
