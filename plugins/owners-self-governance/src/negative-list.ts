/**
 * The default negative list for owners' committee candidates, 九不能九不宜:
 * nine conditions that bar a candidate (不能) and nine that make one
 * unsuitable (不宜), each checked by the department that holds the record
 * (联审). Wording follows the lists streets publish (they differ from city to
 * city): a city replaces the list in its config (`negativeList`) and says
 * which org is each checker (`checkers`).
 */
export type CheckerKind = 'public-security' | 'housing' | 'court' | 'petition' | 'community';

export interface NegativeItem {
  id: string;
  kind: '不能' | '不宜';
  text: string;
  checker: string;
}

export const checkerTitles: Record<string, string> = {
  'public-security': '公安机关',
  housing: '住房和城乡建设部门',
  court: '人民法院',
  petition: '信访部门',
  community: '社区',
};

export const defaultNegativeList: NegativeItem[] = [
  { id: 'n1', kind: '不能', text: '受过刑事处罚', checker: 'public-security' },
  { id: 'n2', kind: '不能', text: '参与涉黑涉恶、黄赌毒等违法活动', checker: 'public-security' },
  { id: 'n3', kind: '不能', text: '参与邪教或非法组织', checker: 'public-security' },
  { id: 'n4', kind: '不能', text: '组织、煽动或参与非法聚集、缠访闹访', checker: 'petition' },
  { id: 'n5', kind: '不能', text: '被列为失信被执行人', checker: 'court' },
  { id: 'n6', kind: '不能', text: '违法搭建、擅自改变房屋结构或占用共有部分拒不整改', checker: 'housing' },
  { id: 'n7', kind: '不能', text: '无正当理由欠缴物业费、专项维修资金', checker: 'housing' },
  { id: 'n8', kind: '不能', text: '本人或近亲属在本小区物业服务企业任职或与其有利害关系', checker: 'housing' },
  { id: 'n9', kind: '不能', text: '曾被罢免业主委员会委员或因违规被责令停止履职', checker: 'community' },
  { id: 'u1', kind: '不宜', text: '不在本小区居住、难以正常履职', checker: 'community' },
  { id: 'u2', kind: '不宜', text: '身体状况难以胜任', checker: 'community' },
  { id: 'u3', kind: '不宜', text: '邻里关系紧张、群众认可度低', checker: 'community' },
  { id: 'u4', kind: '不宜', text: '有拉票贿选等不正当竞争行为', checker: 'community' },
  { id: 'u5', kind: '不宜', text: '有侵害业主共同利益行为', checker: 'community' },
  { id: 'u6', kind: '不宜', text: '受过治安管理处罚', checker: 'public-security' },
  { id: 'u7', kind: '不宜', text: '存在违反公序良俗、社会公德的行为', checker: 'community' },
  { id: 'u8', kind: '不宜', text: '与建设单位存在利害关系', checker: 'housing' },
  { id: 'u9', kind: '不宜', text: '有其他不宜担任情形（社区党组织认定）', checker: 'community' },
];
