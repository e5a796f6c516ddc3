import type { OrgTypeDefinition, RoleDefinition } from '../schemas/types.js';

/** The default city tree (DOMAIN.md §1) and side-organizations. A config may replace them. */
export const defaultOrgTypes: OrgTypeDefinition[] = [
  { id: 'city', title: { 'zh-CN': '市', en: 'City' }, kind: 'level', parents: [] },
  { id: 'district', title: { 'zh-CN': '区', en: 'District' }, kind: 'level', parents: ['city'] },
  { id: 'street', title: { 'zh-CN': '街道', en: 'Street' }, kind: 'level', parents: ['city', 'district'] },
  { id: 'community', title: { 'zh-CN': '社区', en: 'Community' }, kind: 'level', parents: ['street'] },
  { id: 'compound', title: { 'zh-CN': '小区', en: 'Compound' }, kind: 'level', parents: ['community'] },
  { id: 'building', title: { 'zh-CN': '楼栋', en: 'Building' }, kind: 'level', parents: ['compound'] },
  { id: 'party_committee', title: { 'zh-CN': '党委', en: 'Party committee' }, kind: 'side' },
  { id: 'party_branch', title: { 'zh-CN': '党支部', en: 'Party branch' }, kind: 'side' },
  { id: 'party_group', title: { 'zh-CN': '党小组', en: 'Party group' }, kind: 'side' },
  { id: 'department', title: { 'zh-CN': '职能部门', en: 'Government department' }, kind: 'side' },
  { id: 'command_center', title: { 'zh-CN': '指挥中心', en: 'Command centre' }, kind: 'side' },
  { id: 'property_company', title: { 'zh-CN': '物业服务企业', en: 'Property company' }, kind: 'side' },
  { id: 'owners_committee', title: { 'zh-CN': '业主委员会', en: "Owners' committee" }, kind: 'side' },
  { id: 'residents_committee', title: { 'zh-CN': '居民委员会', en: "Residents' committee" }, kind: 'side' },
  { id: 'co_building_unit', title: { 'zh-CN': '共建单位', en: 'Co-building unit' }, kind: 'side' },
];

/** Roles every deployment has; a config adds its own. */
export const defaultRoles: RoleDefinition[] = [
  { id: 'admin', title: { 'zh-CN': '系统管理员', en: 'Administrator' }, heldAt: 'org', personalData: true, admin: true },
  { id: 'command_officer', title: { 'zh-CN': '指挥中心值班员', en: 'Command centre officer' }, heldAt: 'org', personalData: true },
  { id: 'street_secretary', title: { 'zh-CN': '街道书记', en: 'Street secretary' }, heldAt: 'org' },
  { id: 'community_secretary', title: { 'zh-CN': '社区书记', en: 'Community secretary' }, heldAt: 'org', personalData: true },
  { id: 'community_staff', title: { 'zh-CN': '社区工作者', en: 'Community staff' }, heldAt: 'org', personalData: true },
  { id: 'branch_secretary', title: { 'zh-CN': '小区党支部书记', en: 'Compound branch secretary' }, heldAt: 'org', personalData: true },
  { id: 'grid_leader', title: { 'zh-CN': '网格长', en: 'Grid leader' }, heldAt: 'grid', personalData: true },
  { id: 'grid_worker', title: { 'zh-CN': '专职网格员', en: 'Grid worker' }, heldAt: 'grid', personalData: true },
  { id: 'party_grid_worker', title: { 'zh-CN': '党员网格员', en: 'Party-member grid worker' }, heldAt: 'grid', personalData: true },
  { id: 'building_leader', title: { 'zh-CN': '楼栋长', en: 'Building leader' }, heldAt: 'org' },
  { id: 'department_officer', title: { 'zh-CN': '部门工作人员', en: 'Department officer' }, heldAt: 'org' },
  { id: 'property_staff', title: { 'zh-CN': '物业工作人员', en: 'Property staff' }, heldAt: 'org' },
  { id: 'owners_committee_member', title: { 'zh-CN': '业委会成员', en: "Owners' committee member" }, heldAt: 'org' },
  // The residents' committee is the community's self-governing body: its members work the community's requests.
  { id: 'residents_committee_member', title: { 'zh-CN': '居委会成员', en: "Residents' committee member" }, heldAt: 'org', ticketScope: 'host' },
  { id: 'volunteer', title: { 'zh-CN': '志愿者', en: 'Volunteer' }, heldAt: 'org', ticketScope: 'own' },
  { id: 'resident', title: { 'zh-CN': '居民', en: 'Resident' }, heldAt: 'org', ticketScope: 'own' },
];
