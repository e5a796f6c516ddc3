import type { LocalizedText } from '@linli/sdk';

/**
 * The three parties of a three-linked office 三联办, in the order the minutes
 * list them. The ids are the option keys of an office in the city config and
 * the values stored in the plugin's tables.
 */
export const parties = ['residentsCommittee', 'propertyCompany', 'ownersCommittee'] as const;
export type Party = (typeof parties)[number];

export const partyTitle: Record<Party, LocalizedText> = {
  residentsCommittee: { 'zh-CN': '居委会', en: "residents' committee" },
  propertyCompany: { 'zh-CN': '物业', en: 'property company' },
  ownersCommittee: { 'zh-CN': '业委会', en: "owners' committee" },
};

/** The org type each party's org must have in the city's tree. */
export const partyOrgType: Record<Party, string> = {
  residentsCommittee: 'residents_committee',
  propertyCompany: 'property_company',
  ownersCommittee: 'owners_committee',
};

/** "物业 (property company)": how messages name a party, in both languages. */
export const partyLabel = (p: Party): string => `${partyTitle[p]['zh-CN']} (${partyTitle[p].en})`;

export const isParty = (v: unknown): v is Party => typeof v === 'string' && (parties as readonly string[]).includes(v);

/** 先急后缓、先易后难: urgent before slow, then easy before hard. */
export const urgencies = ['急', '缓'] as const;
export const difficulties = ['易', '难'] as const;
export type Urgency = (typeof urgencies)[number];
export type Difficulty = (typeof difficulties)[number];
