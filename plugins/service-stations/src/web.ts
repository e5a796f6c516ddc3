import type { WebExtension } from '@linli/sdk';
import { inspectorRoles, keeperRoles } from './settings.js';

/** Who follows the stations: inspectors, the community, those above them. */
const followers = [...inspectorRoles, ...keeperRoles, 'command_officer', 'admin'];
const inspectors = [...inspectorRoles];
const keepers = [...keeperRoles, 'admin'];

/**
 * The plugin's pages, declared as data. On screen: 站点达标总览 (the roll-up,
 * a row drills down the tree, 导出 CSV) → 服务站 (each station's standing,
 * team and duty today) → a station's 工作队伍 (配备人员, 排班) and its
 * 检查记录 → an inspection (登记检查 with a photo per item) → a failed
 * item's rectification ticket, handled and closed in the ticket page.
 */
export const web: WebExtension = {
  pages: [
    {
      id: 'compliance',
      kind: 'table',
      roles: followers,
      staffOnly: true,
      title: { 'zh-CN': '站点达标总览', en: 'Compliance overview' },
      source: '/compliance?orgId={orgId}',
      columns: [
        { field: 'orgName', title: { 'zh-CN': '组织', en: 'Organization' } },
        { field: 'orgTypeTitle', title: { 'zh-CN': '层级', en: 'Level' } },
        { field: 'stations', title: { 'zh-CN': '站点数', en: 'Stations' }, format: 'number' },
        { field: 'compliant', title: { 'zh-CN': '达标', en: 'Compliant' }, format: 'number' },
        { field: 'rectifying', title: { 'zh-CN': '整改中', en: 'Being fixed' }, format: 'number' },
        { field: 'uninspected', title: { 'zh-CN': '未检查', en: 'Not inspected' }, format: 'number' },
        { field: 'staffed', title: { 'zh-CN': '1+3+N配齐', en: '1+3+N staffed' }, format: 'number' },
        { field: 'rate', title: { 'zh-CN': '达标率', en: 'Compliance' }, format: 'percent' },
      ],
      rowLink: 'page:compliance?orgId={orgId}',
      rowActions: [{ title: { 'zh-CN': '站点', en: 'Stations' }, to: 'page:stations?orgId={orgId}' }],
      downloads: [{ title: { 'zh-CN': '导出 CSV', en: 'Export CSV' }, source: '/compliance.csv?orgId={orgId}' }],
    },
    {
      id: 'stations',
      kind: 'table',
      roles: followers,
      staffOnly: true,
      title: { 'zh-CN': '服务站', en: 'Stations' },
      source: '/stations?orgId={orgId}',
      columns: [
        { field: 'name', title: { 'zh-CN': '服务站', en: 'Station' } },
        { field: 'orgName', title: { 'zh-CN': '所在', en: 'Serves' } },
        { field: 'standingTitle', title: { 'zh-CN': '达标情况', en: 'Standing' }, format: 'badge' },
        { field: 'periodTitle', title: { 'zh-CN': '最近检查', en: 'Last inspected' } },
        { field: 'openItems', title: { 'zh-CN': '未销号整改', en: 'Open fixes' }, format: 'number' },
        { field: 'team', title: { 'zh-CN': '1+3+N', en: '1+3+N' } },
        { field: 'teamTitle', title: { 'zh-CN': '队伍', en: 'Team' }, format: 'badge' },
        { field: 'onDuty', title: { 'zh-CN': '今日值班', en: 'On duty today' } },
      ],
      rowLink: 'page:team?stationId={id}&name={name}',
      rowActions: [{ title: { 'zh-CN': '检查记录', en: 'Inspections' }, to: 'page:inspections?stationId={id}' }],
      actions: [{ title: { 'zh-CN': '新建服务站', en: 'Add a station' }, to: 'page:new-station', roles: keepers }],
    },
    {
      id: 'inspections',
      kind: 'table',
      roles: followers,
      staffOnly: true,
      title: { 'zh-CN': '站点检查', en: 'Inspections' },
      source: '/inspections?stationId={stationId}',
      columns: [
        { field: 'stationName', title: { 'zh-CN': '服务站', en: 'Station' } },
        { field: 'periodTitle', title: { 'zh-CN': '检查期', en: 'Period' } },
        { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        { field: 'resultTitle', title: { 'zh-CN': '结果', en: 'Result' } },
        { field: 'inspectorName', title: { 'zh-CN': '检查人', en: 'Inspector' } },
        { field: 'inspectedAt', title: { 'zh-CN': '检查时间', en: 'Inspected' }, format: 'datetime' },
      ],
      rowLink: 'page:inspection?id={id}&status={status}',
      rowActions: [{ title: { 'zh-CN': '登记检查', en: 'Inspect' }, to: 'page:inspect?id={id}', roles: inspectors, when: { status: ['due'] } }],
      actions: [{ title: { 'zh-CN': '发起检查', en: 'Open an inspection' }, to: 'page:open-inspection', roles: inspectors }],
    },
    {
      id: 'inspection',
      kind: 'table',
      hidden: true,
      title: { 'zh-CN': '检查项目', en: 'Checklist' },
      source: '/inspections/{id}/items',
      columns: [
        { field: 'itemTitle', title: { 'zh-CN': '项目', en: 'Item' } },
        { field: 'resultTitle', title: { 'zh-CN': '结果', en: 'Result' }, format: 'badge' },
        { field: 'reason', title: { 'zh-CN': '不合格原因', en: 'Why it failed' } },
        { field: 'photoCount', title: { 'zh-CN': '照片', en: 'Photos' }, format: 'number' },
        { field: 'ticketStateTitle', title: { 'zh-CN': '整改', en: 'Fix' }, format: 'badge' },
      ],
      // A failed item leads to its rectification ticket, where it is fixed and closed.
      rowLink: 'ticket:{ticketId}',
      actions: [{ title: { 'zh-CN': '登记检查', en: 'Inspect' }, to: 'page:inspect?id={id}', roles: inspectors, when: { status: ['due'] } }],
    },
    { id: 'inspect', kind: 'form', hidden: true, roles: inspectors, title: { 'zh-CN': '登记检查', en: 'Inspect' }, form: 'service-stations.inspection', submit: '/inspections/{id}', next: 'page:inspection?id={id}' },
    { id: 'open-inspection', kind: 'form', hidden: true, roles: inspectors, title: { 'zh-CN': '发起检查', en: 'Open an inspection' }, form: 'service-stations.open-inspection', submit: '/inspections', next: 'page:inspections' },
    { id: 'new-station', kind: 'form', hidden: true, roles: keepers, title: { 'zh-CN': '新建服务站', en: 'Add a station' }, form: 'service-stations.station', submit: '/stations', next: 'page:stations' },
    {
      id: 'team',
      kind: 'table',
      hidden: true,
      title: { 'zh-CN': '工作队伍与值班', en: 'Team and duty rota' },
      source: '/stations/{stationId}/staff',
      columns: [
        { field: 'name', title: { 'zh-CN': '姓名', en: 'Name' } },
        { field: 'positionTitle', title: { 'zh-CN': '岗位', en: 'Position' }, format: 'badge' },
        { field: 'duty', title: { 'zh-CN': '身份或分工', en: 'Role' } },
        { field: 'weekdays', title: { 'zh-CN': '值班日', en: 'On duty' } },
      ],
      rowActions: [
        {
          title: { 'zh-CN': '移出队伍', en: 'Take off the team' },
          to: 'post:/stations/{stationId}/staff/{personId}/removal',
          confirm: { 'zh-CN': '确定将此人移出工作队伍？其值班安排一并取消。', en: 'Take this person off the team? Their duty days are cancelled too.' },
          roles: keepers,
        },
      ],
      actions: [
        { title: { 'zh-CN': '配备人员', en: 'Add to the team' }, to: 'page:add-staff?stationId={stationId}', roles: keepers },
        { title: { 'zh-CN': '排班', en: 'Duty rota' }, to: 'page:duty?stationId={stationId}', roles: keepers },
        { title: { 'zh-CN': '检查记录', en: 'Inspections' }, to: 'page:inspections?stationId={stationId}' },
      ],
    },
    { id: 'add-staff', kind: 'form', hidden: true, roles: keepers, title: { 'zh-CN': '配备人员', en: 'Add to the team' }, form: 'service-stations.staff-member', submit: '/stations/{stationId}/staff', next: 'page:team?stationId={stationId}' },
    { id: 'duty', kind: 'form', hidden: true, roles: keepers, title: { 'zh-CN': '值班排班', en: 'Duty rota' }, form: 'service-stations.duty', submit: '/stations/{stationId}/duty', next: 'page:team?stationId={stationId}' },
  ],
  widgets: [{ id: 'compliance', kind: 'stat', roles: followers, staffOnly: true, title: { 'zh-CN': '服务站达标率（%）', en: 'Stations compliant (%)' }, source: '/stats/compliance?orgId={orgId}' }],
};
