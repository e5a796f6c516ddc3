import type { LocalizedText } from '@linli/sdk';

/**
 * The stakeholder groups the compound deliberation committee 小区议事委员会
 * convenes (稻香村街道: "召集小区党员、社居委、业主代表、物业公司代表"). The ids
 * are what the options, the sign-in sheet and the plugin's tables store.
 */
export const groups = ['partyMembers', 'residentsCommittee', 'ownerRepresentatives', 'propertyCompany'] as const;
export type Group = (typeof groups)[number];

export const groupTitle: Record<Group, LocalizedText> = {
  partyMembers: { 'zh-CN': '党员', en: 'Party members' },
  residentsCommittee: { 'zh-CN': '社居委', en: "Residents' committee" },
  ownerRepresentatives: { 'zh-CN': '业主代表', en: 'Owner representatives' },
  propertyCompany: { 'zh-CN': '物业公司', en: 'Property company' },
};

/** "业主代表 (Owner representatives)": how messages name a group, in both languages. */
export const groupLabel = (g: Group): string => `${groupTitle[g]['zh-CN']} (${groupTitle[g].en})`;

export const isGroup = (v: unknown): v is Group => typeof v === 'string' && (groups as readonly string[]).includes(v);
