/**
 * The questions owners decide together (业主共同决定事项, Civil Code Art. 278),
 * each with the rule it is counted by by default. A city whose local
 * regulation differs maps a matter to another rule in its config (settings.ts).
 */
export const matters = ['elect-committee', 'replace-committee', 'rules', 'hire-property', 'dismiss-property', 'use-fund', 'raise-fund', 'rebuild', 'elevator', 'change-use', 'other'] as const;
export type Matter = (typeof matters)[number];

export const matterTitles: Record<Matter, { 'zh-CN': string; en: string }> = {
  'elect-committee': { 'zh-CN': '选举业主委员会', en: "Elect the owners' committee" },
  'replace-committee': { 'zh-CN': '更换业主委员会成员', en: "Replace owners' committee members" },
  rules: { 'zh-CN': '制定和修改管理规约、业主大会议事规则', en: 'Adopt or amend the management statute or meeting rules' },
  'hire-property': { 'zh-CN': '选聘物业服务企业', en: 'Hire a property management company' },
  'dismiss-property': { 'zh-CN': '解聘物业服务企业', en: 'Dismiss the property management company' },
  'use-fund': { 'zh-CN': '使用建筑物及其附属设施的维修资金', en: 'Use the maintenance fund' },
  'raise-fund': { 'zh-CN': '筹集建筑物及其附属设施的维修资金', en: 'Raise the maintenance fund' },
  rebuild: { 'zh-CN': '改建、重建建筑物及其附属设施', en: 'Rebuild or reconstruct buildings and facilities' },
  elevator: { 'zh-CN': '既有住宅加装电梯', en: 'Add an elevator to an existing building' },
  'change-use': { 'zh-CN': '改变共有部分的用途或者利用共有部分从事经营活动', en: 'Change the use of common parts or run a business on them' },
  other: { 'zh-CN': '其他重大事项', en: 'Other major matters' },
};

/** The Civil Code's defaults: Art. 278 (2) — raising the fund, rebuilding (adding an elevator is rebuilding in most local rules), changing common parts' use — need three-quarters; the rest more than half. */
export const defaultMatterRules: Record<Matter, string> = {
  'elect-committee': 'ordinary',
  'replace-committee': 'ordinary',
  rules: 'ordinary',
  'hire-property': 'ordinary',
  'dismiss-property': 'ordinary',
  'use-fund': 'ordinary',
  'raise-fund': 'special',
  rebuild: 'special',
  elevator: 'special',
  'change-use': 'special',
  other: 'ordinary',
};

/** Art. 278 in data: participation ≥ 2/3 of area and of owners for every decision; agreement among participants ≥ 3/4 (special) or > 1/2 (ordinary). */
export const defaultRules: Record<string, { title: string; participation: { area: string; owners: string }; pass: { area: string; owners: string } }> = {
  special: { title: '特别决定（参与表决面积和人数四分之三以上同意）', participation: { area: '>=2/3', owners: '>=2/3' }, pass: { area: '>=3/4', owners: '>=3/4' } },
  ordinary: { title: '一般决定（参与表决面积和人数过半数同意）', participation: { area: '>=2/3', owners: '>=2/3' }, pass: { area: '>1/2', owners: '>1/2' } },
};
