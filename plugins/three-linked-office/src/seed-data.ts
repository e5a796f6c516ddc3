import type { ProblemIntake } from './forms/problem.js';
import type { Party } from './parties.js';

/**
 * The example city's story (seeds/000: 天长市). 河畔家园 is a resettlement
 * compound whose privately contracted property company served so badly that
 * fewer than 30% of households paid; in July 2018 the community's joint party
 * committee formed a three-linked office that met weekly and held 17 meetings
 * in four months, until the property problems were solved and collection
 * reached 95%. 天岛小区, an old compound that had no property company, and 锦绣花园
 * joined later. Dates are relative to the day the demo is seeded.
 */
export interface SeedProblem {
  /** Raised in the week before this meeting (0 = the first). */
  before: number;
  by: string;
  /** The org it is filed at (a building), when not the compound itself. */
  at?: string;
  intake: Pick<ProblemIntake, 'title' | 'category' | 'description' | 'source' | 'urgency' | 'difficulty'> & { location?: string; raisedBy?: string };
  party: Party;
  decision: string;
  /** Days from the meeting to the deadline. */
  days: number;
  progress?: string;
  result: string;
  /** The residents' committee sends the first report back once. */
  sentBack?: string;
}

export interface SeedOffice {
  compound: string;
  /** How many weekly meetings, ending with last week's. */
  meetings: number;
  /** Meetings (0-based) where a party did not come: no decision there. */
  absent: Record<number, Party>;
  /** Decisions a meeting gets through. */
  capacity: number;
  attendees: Record<Party, string>;
  /** Who comes for the joint party committee that leads the office. */
  leader: string;
  /** The residents' committee member who convenes, records and verifies. */
  convener: string;
  /** Whoever carries out a decision, per party. */
  doers: Record<Party, string>;
  problems: SeedProblem[];
  /** Raised after the last meeting: on the agenda of the next one. */
  upcoming: Omit<SeedProblem, 'before' | 'party' | 'decision' | 'days' | 'result'>[];
  /** Collection rate (%) of the last six months, oldest first (null: nothing collected yet), and the households due. */
  feeRates: (number | null)[];
  households: number;
  feeEnteredBy: string;
}

const hepanProblem = (p: Omit<SeedProblem, 'intake'> & { intake: Omit<SeedProblem['intake'], 'location'> & { location?: string } }): SeedProblem => ({
  ...p,
  intake: { location: '河畔家园', ...p.intake },
});

export const seedOffices: SeedOffice[] = [
  {
    compound: 'hepan',
    meetings: 17,
    absent: { 2: 'ownersCommittee', 9: 'propertyCompany' },
    capacity: 3,
    convener: 'staff.yongfu',
    leader: '李秀兰（永福社区联合党委书记）',
    attendees: { residentsCommittee: '王丽（永福社区居委会）', propertyCompany: '马俊（安居物业项目经理）', ownersCommittee: '黄淑芬（业委会主任）、张伟' },
    doers: { residentsCommittee: 'staff.yongfu', propertyCompany: 'property.hepan', ownersCommittee: 'owners.hepan' },
    feeRates: [26.7, 28.9, 41.7, 63.6, 86.2, 95.1],
    households: 412,
    feeEnteredBy: 'property.hepan',
    problems: [
      hepanProblem({ before: 0, by: 'resident.hepan', intake: { title: '小区大门道闸损坏，外来车辆随意进出', category: '停车管理', description: '东门道闸坏了半个多月，外来车辆随意进出停放，晚上有安全隐患。', source: '居民', urgency: '急', difficulty: '易', location: '河畔家园东门' }, party: 'propertyCompany', decision: '物业一周内修复道闸，恢复车辆登记放行。', days: 7, result: '道闸已更换主板并恢复使用，外来车辆登记放行。' }),
      hepanProblem({ before: 0, by: 'owners.hepan', intake: { title: '地下车库雨天积水', category: '设施维修', description: '每逢下雨地下车库入口积水没过脚踝，多辆车被泡。', source: '业委会', urgency: '急', difficulty: '难', location: '河畔家园地下车库' }, party: 'propertyCompany', decision: '物业疏通排水沟并加装截水沟，费用从公共收益中列支，业委会监督。', days: 28, progress: '排水沟已疏通，截水沟材料已采购。', result: '截水沟已加装，经两场大雨检验不再积水。' }),
      hepanProblem({ before: 0, by: 'building.hepan1', at: 'hepan-b1', intake: { title: '1栋楼道照明损坏', category: '设施维修', description: '1栋2单元、3单元楼道灯大多不亮，老人晚上上下楼不方便。', source: '楼栋长', urgency: '急', difficulty: '易', location: '河畔家园1栋' }, party: 'propertyCompany', decision: '物业五日内更换楼道声控灯。', days: 5, result: '已更换声控灯24盏。' }),
      hepanProblem({ before: 0, by: 'grid.yongfu1', intake: { title: '垃圾清运不及时', category: '环境卫生', description: '垃圾桶经常满溢，清运一天一次不够，夏天气味大。', source: '网格员', urgency: '急', difficulty: '易' }, party: 'propertyCompany', decision: '物业将清运调整为每日两次，并增设垃圾桶。', days: 4, result: '已调整为每日两次清运，新增垃圾桶8个。', sentBack: '复查时北区仍有满溢，请补足北区垃圾桶。' }),
      hepanProblem({ before: 0, by: 'resident.hepan', intake: { title: '绿化带被占用种菜', category: '绿化养护', description: '部分住户在楼前绿化带开荒种菜，影响环境。', source: '居民', urgency: '缓', difficulty: '易' }, party: 'ownersCommittee', decision: '业委会牵头入户劝导，物业配合恢复绿化。', days: 14, result: '经劝导，种菜住户已自行清理，绿化已补植。' }),
      hepanProblem({ before: 0, by: 'owners.hepan', intake: { title: '物业费收支不公开', category: '物业收费', description: '业主不清楚物业费和停车费收入的用途，不愿缴费。', source: '业委会', urgency: '缓', difficulty: '难' }, party: 'propertyCompany', decision: '物业每季度在公示栏公开物业费和公共收益收支，业委会审核。', days: 21, result: '第一季度收支已在公示栏和业主群公示。' }),
      hepanProblem({ before: 1, by: 'staff.yongfu', intake: { title: '电瓶车楼道飞线充电', category: '安全秩序', description: '多个单元有住户从楼上拉线给电瓶车充电，存在火灾隐患。', source: '居委会', urgency: '急', difficulty: '易' }, party: 'residentsCommittee', decision: '居委会联合综合执法队开展整治，物业协助在小区设置充电桩。', days: 10, result: '飞线已全部拆除，小区新增充电桩20个。' }),
      hepanProblem({ before: 1, by: 'resident.hepan', intake: { title: '停车位划线不清，乱停乱放', category: '停车管理', description: '小区内车位线模糊，车辆乱停，消防通道被堵。', source: '居民', urgency: '缓', difficulty: '易' }, party: 'propertyCompany', decision: '物业重新施划车位线和消防通道标识。', days: 14, result: '已重新划线132个车位，消防通道标识清晰。' }),
      hepanProblem({ before: 3, by: 'resident.hepan', intake: { title: '2栋电梯频繁故障', category: '设施维修', description: '2栋电梯一个月内停运4次，有住户被困。', source: '居民', urgency: '急', difficulty: '难', location: '河畔家园2栋' }, party: 'propertyCompany', decision: '物业联系维保单位全面检修，申请维修资金更换主要部件。', days: 30, progress: '维保单位已检修，维修资金申请已提交。', result: '已更换曳引机和控制柜，经特检院检验合格。' }),
      hepanProblem({ before: 5, by: 'grid.yongfu1', intake: { title: '3栋外墙瓷砖脱落隐患', category: '安全秩序', description: '3栋外墙多处瓷砖空鼓，已有脱落，威胁行人安全。', source: '网格员', urgency: '急', difficulty: '难', location: '河畔家园3栋' }, party: 'propertyCompany', decision: '物业立即设置警戒区，申请维修资金进行外墙修缮。', days: 35, progress: '警戒区已设置，修缮方案已经业主表决通过。', result: '外墙空鼓瓷砖已全部铲除并修补。' }),
      hepanProblem({ before: 7, by: 'owners.hepan', intake: { title: '小区监控大面积损坏', category: '安全秩序', description: '小区36个监控探头有一半不能用，发生过电动车被盗。', source: '业委会', urgency: '缓', difficulty: '难' }, party: 'propertyCompany', decision: '物业分两期修复监控，首期修复出入口和车库。', days: 28, result: '监控已全部修复并接入监控室。' }),
      hepanProblem({ before: 9, by: 'resident.hepan', intake: { title: '保洁人员不足，楼道卫生差', category: '环境卫生', description: '保洁只有两人，楼道一周才打扫一次。', source: '居民', urgency: '缓', difficulty: '易' }, party: 'propertyCompany', decision: '物业增加两名保洁员，楼道每周打扫两次。', days: 10, result: '已增加保洁员两名，楼道每周打扫两次。' }),
      hepanProblem({ before: 12, by: 'owners.hepan', intake: { title: '业主委员会换届筹备', category: '其他', description: '业委会任期将满，需要筹备换届选举。', source: '业委会', urgency: '缓', difficulty: '难' }, party: 'ownersCommittee', decision: '业委会在社区党委指导下成立换届小组，候选人按负面清单审核。', days: 30, result: '换届小组已成立，候选人名单已公示。' }),
      hepanProblem({ before: 15, by: 'resident.hepan', intake: { title: '宠物粪便无人清理', category: '环境卫生', description: '遛狗不牵绳、粪便不清理，居民意见很大。', source: '居民', urgency: '缓', difficulty: '易' }, party: 'residentsCommittee', decision: '居委会开展文明养犬宣传，物业在小区设置拾便袋箱。', days: 21, result: '宣传已入户，拾便袋箱已设置6处。' }),
    ],
    upcoming: [
      { by: 'grid.yongfu1', intake: { title: '快递柜占用消防通道', category: '安全秩序', description: '新装的快递柜放在5栋旁消防通道上，消防车无法通行。', source: '网格员', urgency: '急', difficulty: '易', location: '河畔家园5栋' } },
    ],
  },
  {
    compound: 'tiandao',
    meetings: 8,
    absent: {},
    capacity: 2,
    convener: 'staff.yongfu',
    leader: '李秀兰（永福社区联合党委书记）',
    attendees: { residentsCommittee: '王丽（永福社区居委会）', propertyCompany: '刘强（天岛物业负责人）', ownersCommittee: '陈建华（业委会主任）' },
    doers: { residentsCommittee: 'staff.yongfu', propertyCompany: 'property.tiandao', ownersCommittee: 'owners.tiandao' },
    feeRates: [null, null, 38.5, 52.1, 64.3, 71.9],
    households: 268,
    feeEnteredBy: 'property.tiandao',
    problems: [
      { before: 0, by: 'staff.yongfu', intake: { title: '小区进出无人管理', category: '安全秩序', description: '老旧无物业小区，四个出入口无人值守。', source: '居委会', urgency: '急', difficulty: '难', location: '天岛小区' }, party: 'propertyCompany', decision: '新进驻物业封闭两个出入口，另两个设门岗。', days: 21, result: '已封闭两个出入口，设门岗两处。' },
      { before: 0, by: 'grid.yongfu1', intake: { title: '停车位如何划分', category: '停车管理', description: '小区车位少，居民对划线和收费有不同意见。', source: '网格员', urgency: '缓', difficulty: '难', location: '天岛小区' }, party: 'ownersCommittee', decision: '业委会征求全体业主意见后确定划线和收费方案。', days: 28, result: '方案经业主表决通过并已划线。' },
      { before: 2, by: 'grid.yongfu1', intake: { title: '管理费用怎么收', category: '物业收费', description: '居民对物业费标准有疑问，希望公开测算。', source: '网格员', urgency: '缓', difficulty: '易', location: '天岛小区' }, party: 'propertyCompany', decision: '物业公开收费测算，党群议事厅召开说明会。', days: 14, result: '说明会已召开，收费标准已公示。' },
      { before: 5, by: 'staff.yongfu', intake: { title: '楼顶防水老化漏雨', category: '设施维修', description: '3栋顶层住户反映屋顶漏雨。', source: '居委会', urgency: '急', difficulty: '难', location: '天岛小区3栋' }, party: 'propertyCompany', decision: '物业申请老旧小区改造资金修缮屋面防水。', days: 45, progress: '已纳入老旧小区改造计划。', result: '屋面防水已修缮。' },
    ],
    upcoming: [],
  },
  {
    compound: 'jinxiu',
    meetings: 5,
    absent: { 1: 'ownersCommittee' },
    capacity: 2,
    convener: 'staff.yongfu',
    leader: '李秀兰（永福社区联合党委书记）',
    attendees: { residentsCommittee: '王丽（永福社区居委会）', propertyCompany: '周敏（锦绣物业客服主管）', ownersCommittee: '业委会委员 吴刚' },
    doers: { residentsCommittee: 'staff.yongfu', propertyCompany: 'property.jinxiu', ownersCommittee: 'staff.yongfu' },
    feeRates: [88.2, 87.6, 89.1, 90.3, 91.0, 90.7],
    households: 530,
    feeEnteredBy: 'property.jinxiu',
    problems: [
      { before: 0, by: 'secretary.yongfu', intake: { title: '儿童游乐设施破损', category: '设施维修', description: '中心花园滑梯护栏断裂。', source: '居委会', urgency: '急', difficulty: '易', location: '锦绣花园中心花园' }, party: 'propertyCompany', decision: '物业三日内修复护栏，修复前设置警示。', days: 3, result: '护栏已修复。' },
      { before: 0, by: 'staff.yongfu', intake: { title: '小区健身器材不足', category: '设施维修', description: '老人希望增加健身器材。', source: '居委会', urgency: '缓', difficulty: '难', location: '锦绣花园' }, party: 'residentsCommittee', decision: '居委会向联合党委成员单位争取共建资金。', days: 40, progress: '已与两家共建单位对接。', result: '共建单位捐赠健身器材8件并已安装。' },
    ],
    upcoming: [
      { by: 'staff.yongfu', intake: { title: '地面停车收费标准有争议', category: '物业收费', description: '部分业主认为地面停车费偏高。', source: '居委会', urgency: '缓', difficulty: '难', location: '锦绣花园' } },
    ],
  },
];
