import type { WebExtension } from '@linli/sdk';
import { visitorRoles } from './settings.js';

/** Who follows the rounds: the visitors and those above them (a department or property company has no doors to knock). */
const followers = [...visitorRoles, 'street_secretary', 'command_officer', 'admin'];

/**
 * The plugin's pages and dashboard widgets in the staff web app, declared as
 * data: the app renders them with its own components. How a round runs on
 * screen: 登记走访 (the form) → 走访记录 (row → the problem's ticket page,
 * where it is handled and closed) → 本轮进度 (which buildings are behind).
 */
export const web: WebExtension = {
  pages: [
    {
      id: 'record-visit',
      kind: 'form',
      // Every role a city may name as visitor (settings.visitorRoles narrows it; the route checks).
      roles: [...visitorRoles],
      title: { 'zh-CN': '登记走访', en: 'Record a visit' },
      form: 'door-knocking.visit',
      submit: '/visits',
      next: 'page:visits',
    },
    {
      id: 'visits',
      kind: 'table',
      roles: followers,
      staffOnly: true,
      title: { 'zh-CN': '走访记录', en: 'Visits' },
      source: '/visits',
      columns: [
        { field: 'visitedAt', title: { 'zh-CN': '走访时间', en: 'Visited' }, format: 'datetime' },
        { field: 'buildingName', title: { 'zh-CN': '楼栋', en: 'Building' } },
        { field: 'household', title: { 'zh-CN': '住户', en: 'Household' } },
        { field: 'visitorName', title: { 'zh-CN': '走访人', en: 'Visitor' } },
        { field: 'atHomeTitle', title: { 'zh-CN': '在家', en: 'At home' }, format: 'badge' },
        { field: 'needsText', title: { 'zh-CN': '需求', en: 'Needs' } },
        { field: 'problemTitle', title: { 'zh-CN': '发现问题', en: 'Problem' } },
        { field: 'problemStateTitle', title: { 'zh-CN': '问题状态', en: 'Problem state' }, format: 'badge' },
      ],
      // Rows with a problem open its ticket: handling and the return-visit close happen there.
      rowLink: 'ticket:{ticketId}',
    },
    {
      id: 'progress',
      kind: 'table',
      roles: followers,
      staffOnly: true,
      title: { 'zh-CN': '本轮进度', en: 'This round' },
      source: '/progress',
      columns: [
        { field: 'buildingName', title: { 'zh-CN': '楼栋', en: 'Building' } },
        { field: 'leaders', title: { 'zh-CN': '楼栋长', en: 'Building leader' } },
        { field: 'roundTitle', title: { 'zh-CN': '轮次', en: 'Round' } },
        { field: 'households', title: { 'zh-CN': '已走访户数', en: 'Households visited' }, format: 'number' },
        { field: 'atHome', title: { 'zh-CN': '入户', en: 'Met at home' }, format: 'number' },
        { field: 'needs', title: { 'zh-CN': '需求', en: 'Needs' }, format: 'number' },
        { field: 'problems', title: { 'zh-CN': '发现问题', en: 'Problems' }, format: 'number' },
        { field: 'openProblems', title: { 'zh-CN': '未销号', en: 'Open' }, format: 'number' },
        { field: 'lastVisitAt', title: { 'zh-CN': '最近走访', en: 'Last visit' }, format: 'datetime' },
      ],
    },
  ],
  widgets: [
    { id: 'visits', kind: 'stat', roles: followers, staffOnly: true, title: { 'zh-CN': '本轮敲门入户', en: 'Doors knocked this round' }, source: '/stats/visits?orgId={orgId}' },
    {
      id: 'needs',
      kind: 'bar',
      roles: followers,
      staffOnly: true,
      title: { 'zh-CN': '本轮群众需求', en: 'Needs this round' },
      source: '/stats/needs?orgId={orgId}',
      x: 'need',
      y: [{ field: 'count', title: { 'zh-CN': '次数', en: 'Count' }, format: 'number' }],
    },
  ],
};
