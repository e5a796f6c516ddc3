import type { ParticipantsInput } from './forms/session.js';
import type { TopicInput } from './forms/topic.js';

/**
 * The example city's story, told at the scale of a few compounds over a
 * season rather than the seed's 1036 sessions: most weekends a hall meets
 * (政策宣讲、听取意见), fewer sessions vote on a topic, fewer topics are done.
 * 河畔家园's landscape bridge is the seed's own example (安高城市天地小区:
 * a rotten wooden deck replaced with marble). Dates are relative to the day
 * the demo is seeded.
 */
export interface SeedTopic {
  by: string;
  /** Raised before this session (0 = the first). */
  session: number;
  intake: TopicInput;
  /** Declined at screening, with this reason; otherwise accepted. */
  declined?: string;
  votes?: [number, number, number];
  deliberation?: string;
  resolution?: string;
  implementer?: string;
  /** Days from the session to done; absent: still being carried out. */
  days?: number;
  supervision?: string;
  result?: string;
}

export interface SeedHall {
  compound: string;
  convener: string;
  supervisor: string;
  /** Themes of the weekly sessions, oldest first, ending with last weekend's. */
  sessions: string[];
  sheet: ParticipantsInput;
  topics: SeedTopic[];
  /** Raised this week: one awaits screening, the rest go on next Saturday's agenda. */
  upcoming: { by: string; intake: TopicInput; screen: boolean }[];
  /** With owners' self-governance on: a topic referred to an owners' vote this week, still open (交业主共同决定). */
  referred?: { by: string; intake: TopicInput; matter: string; building: string };
}

const sheet = (party: number, rc: number, owners: number, property: number, names: [string, string, string, string]): ParticipantsInput => ({
  partyMembers: { present: party, names: names[0] },
  residentsCommittee: { present: rc, names: names[1] },
  ownerRepresentatives: { present: owners, names: names[2] },
  propertyCompany: { present: property, names: names[3] },
});

export const seedHalls: SeedHall[] = [
  {
    compound: 'hepan',
    convener: 'staff.yongfu',
    referred: {
      by: 'resident.hepan',
      intake: { title: '使用维修资金维修3栋屋面渗水', category: '公共设施', description: '3栋顶楼屋面防水层老化，雨天渗水到顶楼住户家中，需动用维修资金维修。' },
      matter: '使用建筑物及其附属设施的维修资金',
      building: 'hepan-b3',
    },
    supervisor: 'grid.yongfu1',
    sessions: ['议事厅启动：议事规则宣讲', '景观桥改造方案协商', '听取居民意见', '电动车充电问题协商', '垃圾分类宣传', '楼道堆物整治协商', '听取居民意见', '冬季消防安全'],
    sheet: sheet(3, 1, 6, 2, ['张伟、李强、吴留高', '王丽', '黄淑芬、陈明、赵兰、孙海、钱多、周红', '马俊、刘工']),
    topics: [
      {
        by: 'resident.hepan',
        session: 1,
        intake: { title: '景观桥木质桥面腐朽，存在安全隐患', category: '公共设施', description: '小区景观桥的木质桥面已用了十几年，很多地方已经腐朽，搬运重物时很不稳。', suggestion: '更换为大理石桥面', location: '河畔家园中心景观河' },
        votes: [9, 1, 2],
        deliberation: '物业提出局部更换木板，业主代表认为木板易再腐朽；党员建议整体更换大理石桥面，费用从公共收益列支。',
        resolution: '将景观桥木质桥面整体更换为大理石桥面，费用从公共收益列支，物业公司组织施工，业委会监督。',
        implementer: '物业公司',
        days: 30,
        supervision: '网格员和党员上门了解施工区周边住户情况，施工避开午休时间，噪音不影响居民生活。',
        result: '大理石桥面铺设完成，经业委会和居民代表验收合格。',
      },
      {
        by: 'branch.hepan',
        session: 3,
        intake: { title: '1栋楼下电动车飞线充电', category: '安全隐患', description: '1栋多户从楼上拉线给电动车充电，存在火灾隐患。', suggestion: '在小区增设集中充电桩', location: '河畔家园1栋' },
        votes: [10, 0, 2],
        deliberation: '各方一致认为须拆除飞线，物业提出可引入充电桩运营企业，不增加业主负担。',
        resolution: '物业引入运营企业在1栋、3栋旁建设充电车棚，建成后统一拆除飞线。',
        implementer: '物业公司',
        days: 21,
        supervision: '充电车棚基础已完工，网格员入户宣传安全充电。',
        result: '两处充电车棚共40个充电口投入使用，飞线全部拆除。',
      },
      {
        by: 'resident.hepan',
        session: 3,
        intake: { title: '希望在小区内开设棋牌室', category: '其他', description: '希望物业用房改成棋牌室，方便老人打牌。' },
        declined: '物业用房另有用途，且棋牌室涉及经营许可，不属于议事厅协商范围；社区老年活动中心每天开放，欢迎前往。',
      },
      {
        by: 'owners.hepan',
        session: 5,
        intake: { title: '楼道杂物堆放清理', category: '环境卫生', description: '多个单元楼道堆放纸箱和旧家具，影响通行和消防安全。', suggestion: '限期自行清理，逾期由物业统一清运' },
        votes: [8, 2, 2],
        deliberation: '业主代表担心误清个人物品，议定先通知后清理，贵重物品由楼栋长登记。',
        resolution: '张贴通知限期一周自行清理，逾期由物业统一清运，楼栋长协助登记。',
        implementer: '物业公司、楼栋长',
        days: 10,
        result: '共清理楼道杂物3车，楼道恢复畅通。',
      },
      {
        by: 'resident.hepan',
        session: 7,
        intake: { title: '小区北门增设非机动车停放区', category: '停车管理', description: '北门外非机动车乱停，堵塞人行道。' },
        votes: [7, 3, 2],
        deliberation: '部分业主担心占用绿地，议定使用北门东侧闲置空地。',
        resolution: '在北门东侧闲置空地划设非机动车停放区，物业负责划线和日常管理。',
        implementer: '物业公司',
      },
    ],
    upcoming: [
      { by: 'resident.hepan', intake: { title: '中心花园健身器材老化', category: '公共设施', description: '中心花园健身器材生锈松动，老人使用不安全。' }, screen: true },
      { by: 'branch.hepan', intake: { title: '1栋单元门禁经常失灵', category: '公共设施', description: '1栋2单元门禁时好时坏，陌生人随意进出。' }, screen: false },
    ],
  },
  {
    compound: 'tiandao',
    convener: 'staff.yongfu',
    supervisor: 'grid.yongfu1',
    sessions: ['老旧小区改造意见征集', '停车位划分协商', '听取居民意见', '屋面防水维修协商', '听取居民意见'],
    sheet: sheet(2, 1, 5, 1, ['陈建华、刘芳', '王丽', '陈建华、王磊、宋英、许峰、何静', '刘强']),
    topics: [
      {
        by: 'grid.yongfu1',
        session: 1,
        intake: { title: '小区停车位如何划分', category: '停车管理', description: '小区车位少，居民对划线和收费意见不一。' },
        votes: [6, 2, 1],
        deliberation: '业主代表提出按户抽签，物业提出固定车位收费标准，议定抽签分配、按月缴费。',
        resolution: '划设车位52个，按户抽签分配，每季度轮换一次，收费标准公示后执行。',
        implementer: '物业公司',
        days: 28,
        result: '车位划线完成，抽签结果已公示并执行。',
      },
      {
        by: 'grid.yongfu1',
        session: 3,
        intake: { title: '3栋楼顶防水老化漏雨', category: '公共设施', description: '3栋顶层多户反映屋顶漏雨。' },
        votes: [8, 0, 1],
        resolution: '申请老旧小区改造资金修缮3栋屋面防水，物业配合施工。',
        deliberation: '各方同意优先修缮，资金由社区协助申请。',
        implementer: '社居委、物业公司',
        supervision: '改造资金已批复，施工单位已进场。',
      },
      {
        by: 'grid.yongfu1',
        session: 3,
        intake: { title: '要求物业退还往年物业费', category: '物业服务', description: '个别业主要求物业退还前几年的物业费。' },
        declined: '物业费争议属于个人与物业公司之间的合同纠纷，请通过社区人民调解委员会或诉讼途径解决，社区可协助调解。',
      },
    ],
    upcoming: [],
  },
  {
    compound: 'jinxiu',
    convener: 'staff.yongfu',
    supervisor: 'staff.yongfu',
    sessions: ['议事厅启动：议事规则宣讲', '儿童游乐设施维修协商', '听取居民意见', '地面停车收费协商'],
    sheet: sheet(2, 1, 4, 1, ['周平、吴刚', '王丽', '吴刚、沈洁、杨帆、郭亮', '周敏']),
    topics: [
      {
        by: 'secretary.yongfu',
        session: 1,
        intake: { title: '中心花园滑梯护栏断裂', category: '公共设施', description: '中心花园滑梯护栏断裂，孩子玩耍有危险。' },
        votes: [8, 0, 0],
        deliberation: '各方一致同意立即修复。',
        resolution: '物业三日内修复护栏，修复前设置警示围挡。',
        implementer: '物业公司',
        days: 3,
        result: '护栏已更换，经居民代表检查合格。',
      },
      {
        by: 'staff.yongfu',
        session: 3,
        intake: { title: '地面停车收费标准有争议', category: '停车管理', description: '部分业主认为地面停车费偏高。' },
        votes: [3, 4, 1],
        deliberation: '物业公开了收费测算，业主代表意见分歧较大。',
        resolution: '维持现行收费标准，物业每季度公开停车费收支。',
      },
    ],
    upcoming: [],
  },
];
