import { lookup, orgPicker, type FormDefinition, type FromSchema } from '@linli/sdk';

/** The owner number's help: who counts as one owner (owner-identity.ts). */
const ownerNoUi = { 'ui:help': '同一业主拥有多套房屋的，表决时按一人计：关联同一账号、电话相同或业主编号相同即为同一业主。不要填身份证号' };
const ownerNoEn = {
  '/ownerNo': 'Owner number (the same for all units of one owner)',
  '/ownerNo@help': 'An owner of several units counts once in a vote: the same linked account, phone or owner number is the same owner. Never an ID-card number',
};

/** A property unit with its owners, as the community registers it (the roll 业主名册). Names and phone are personal data: stored in the plugin's table, answered only masked (mask.ts). */
export const unitSchema = {
  type: 'object',
  title: '登记房屋和业主',
  properties: {
    buildingOrgId: { type: 'string', title: '楼栋', pattern: '^[0-9]{1,10}$' },
    room: { type: 'string', title: '房号（单元门牌）', minLength: 1, maxLength: 40 },
    area: { type: 'string', title: '专有部分面积（㎡）', pattern: '^[0-9]{1,5}(\\.[0-9]{1,2})?$' },
    ownerName: { type: 'string', title: '业主姓名', minLength: 1, maxLength: 40 },
    ownerPhone: { type: 'string', title: '业主电话', pattern: '^1[0-9]{10}$' },
    ownerNo: { type: 'string', title: '业主编号（同一业主多套房屋填同一编号）', pattern: '^[0-9A-Za-z_-]{1,32}$' },
    coOwners: { type: 'string', title: '其他共有人（用顿号分隔）', maxLength: 200 },
    partyMemberHousehold: { type: 'boolean', title: '党员中心户', default: false },
    developerHeld: { type: 'boolean', title: '开发商未售/未交付', default: false },
  },
  required: ['buildingOrgId', 'room', 'area', 'ownerName'],
  additionalProperties: false,
} as const;
export type UnitInput = FromSchema<typeof unitSchema>;

export const unitForm: FormDefinition = {
  id: 'owners-self-governance.unit',
  title: { 'zh-CN': '登记房屋和业主', en: 'Register a unit and its owners' },
  schema: unitSchema,
  uiSchema: {
    'ui:order': ['buildingOrgId', 'room', 'area', 'ownerName', 'ownerPhone', 'ownerNo', 'coOwners', 'partyMemberHousehold', 'developerHeld'],
    buildingOrgId: orgPicker({ types: ['building'], search: true }),
    area: { 'ui:placeholder': '如 89.56', 'ui:help': '以不动产权证记载的专有部分建筑面积为准' },
    ownerNo: ownerNoUi,
    developerHeld: { 'ui:help': '建设单位尚未出售或已售未交付的房屋，表决时合计按一人计' },
  },
  translations: {
    en: {
      '/': 'Register a unit and its owners',
      '/buildingOrgId': 'Building',
      '/room': 'Unit (entrance and door number)',
      '/area': 'Exclusive floor area (m²)',
      '/area@placeholder': 'e.g. 89.56',
      '/area@help': 'As on the property certificate',
      '/ownerName': 'Owner',
      '/ownerPhone': "Owner's phone",
      '/coOwners': 'Co-owners',
      '/partyMemberHousehold': 'Party member household',
      ...ownerNoEn,
      '/developerHeld': "Developer's (unsold or undelivered)",
      '/developerHeld@help': "The developer's unsold or undelivered units count as one owner together",
    },
  },
};

/** Linking an owner on the roll to the account they log in with, so they vote on the portal. */
export const linkSchema = {
  type: 'object',
  title: '关联业主账号',
  properties: {
    ownerId: { type: 'string', title: '业主', pattern: '^[0-9]{1,10}$' },
    personId: { type: 'string', title: '登录账号', pattern: '^[0-9]{1,10}$' },
  },
  required: ['ownerId', 'personId'],
  additionalProperties: false,
} as const;
export type LinkInput = FromSchema<typeof linkSchema>;

export const linkForm: FormDefinition = {
  id: 'owners-self-governance.link-account',
  title: { 'zh-CN': '关联业主账号', en: "Link an owner's account" },
  schema: linkSchema,
  uiSchema: {
    ownerId: lookup({ source: '/api/plugins/owners-self-governance/units/{param.unit}/owners', value: 'id', label: '{name}' }),
    personId: lookup({ source: '/api/people?limit=200', value: 'id', label: '{name}（{username}）', search: true }),
  },
  translations: { en: { '/': "Link an owner's account", '/ownerId': 'Owner', '/personId': 'Account' } },
};

/** Another owner of a registered unit: a buyer after a sale, a co-owner added later (personal data, as on the unit's form). */
export const ownerSchema = {
  type: 'object',
  title: '登记业主',
  properties: {
    ownerName: unitSchema.properties.ownerName,
    ownerPhone: unitSchema.properties.ownerPhone,
    ownerNo: unitSchema.properties.ownerNo,
  },
  required: ['ownerName'],
  additionalProperties: false,
} as const;
export type OwnerInput = FromSchema<typeof ownerSchema>;

export const ownerForm: FormDefinition = {
  id: 'owners-self-governance.owner',
  title: { 'zh-CN': '登记业主', en: 'Add an owner' },
  schema: ownerSchema,
  uiSchema: {
    'ui:order': ['ownerName', 'ownerPhone', 'ownerNo'],
    ownerNo: ownerNoUi,
  },
  translations: {
    en: {
      '/': 'Add an owner',
      '/ownerName': 'Owner',
      '/ownerPhone': "Owner's phone",
      ...ownerNoEn,
    },
  },
};

/**
 * Taking an owner off the roll (the unit sold, the owner deceased, a wrong
 * record): a reason for the record, and a box saying what it does and does not
 * change, ticked before anything happens.
 */
export const removeOwnerSchema = {
  type: 'object',
  title: '移除业主',
  properties: {
    reason: { type: 'string', title: '移除原因', minLength: 2, maxLength: 200 },
    confirm: { type: 'boolean', title: '确认移除：该业主从名册中移除，此后不能再投票；已投的票和已开始的表决的总面积、总人数不变', default: false },
  },
  required: ['reason', 'confirm'],
  additionalProperties: false,
} as const;
export type RemoveOwnerInput = FromSchema<typeof removeOwnerSchema>;

export const removeOwnerForm: FormDefinition = {
  id: 'owners-self-governance.remove-owner',
  title: { 'zh-CN': '移除业主', en: 'Remove an owner' },
  schema: removeOwnerSchema,
  uiSchema: {
    'ui:order': ['reason', 'confirm'],
    reason: { 'ui:widget': 'textarea', 'ui:placeholder': '如：房屋已出售，已过户给新业主', 'ui:help': '记入名册的移除记录' },
  },
  translations: {
    en: {
      '/': 'Remove an owner',
      '/reason': 'Reason',
      '/reason@placeholder': 'e.g. the unit was sold and transferred to its new owner',
      '/reason@help': 'Kept with the removal on the roll',
      '/confirm': 'Remove: the owner leaves the roll and votes no more; ballots cast and the totals of votes already open stay as they are',
    },
  },
};
