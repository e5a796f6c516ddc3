/**
 * The onboarding template: one sheet per kind of row, Chinese headers first
 * (what a street office's roster has), English aliases accepted. Every row is
 * matched by a stable key, so importing the same file again changes nothing.
 */
export type SheetId = 'orgs' | 'grids' | 'people' | 'grants';

export interface ColumnDef {
  key: string;
  zh: string;
  en: string;
  /** Other headers accepted for the column. */
  aliases?: string[];
  required?: boolean;
  /** What goes in the column, for the template's instructions. */
  help: { zh: string; en: string };
}

export interface SheetDef {
  id: SheetId;
  zh: string;
  en: string;
  columns: ColumnDef[];
}

const status: ColumnDef = {
  key: 'status',
  zh: '状态',
  en: 'status',
  help: { zh: '留空或“正常”；“停用”停用此行（人员不能登录，角色收回，组织不再接收新事项）', en: 'empty or "active"; "停用"/"disabled" disables the row' },
};

export const sheets: readonly SheetDef[] = [
  {
    id: 'orgs',
    zh: '组织',
    en: 'orgs',
    columns: [
      { key: 'key', zh: '编码', en: 'key', required: true, help: { zh: '组织的唯一编码（小写字母、数字、-、_），导入时据此匹配', en: 'unique key (a-z, 0-9, -, _), used to match rows' } },
      { key: 'parent', zh: '上级编码', en: 'parent', help: { zh: '上级组织的编码；只有根组织（市）留空。改动即迁移（事项随之迁移）', en: "the parent org's key; empty only for the root. Changing it moves the org and its tickets" } },
      { key: 'type', zh: '类型', en: 'type', required: true, help: { zh: '组织类型编码，如 street、community、compound、building、party_branch', en: 'org type id, e.g. street, community, compound, building' } },
      { key: 'name', zh: '名称', en: 'name', required: true, help: { zh: '中文名称', en: 'name in Chinese' } },
      { key: 'nameEn', zh: '英文名称', en: 'name_en', aliases: ['nameEn', 'english name'], help: { zh: '可选', en: 'optional' } },
      status,
    ],
  },
  {
    id: 'grids',
    zh: '网格',
    en: 'grids',
    columns: [
      { key: 'key', zh: '编码', en: 'key', required: true, help: { zh: '网格的唯一编码', en: 'unique key of the grid' } },
      { key: 'org', zh: '所属组织编码', en: 'org', required: true, help: { zh: '网格所属社区的编码', en: 'key of the community the grid belongs to' } },
      { key: 'name', zh: '名称', en: 'name', required: true, help: { zh: '网格名称', en: 'grid name' } },
      { key: 'covers', zh: '覆盖组织编码', en: 'covers', help: { zh: '网格覆盖的小区、楼栋编码，用顿号、逗号或空格分隔', en: 'keys of the compounds and buildings it covers, separated by commas or spaces' } },
      {
        key: 'boundary',
        zh: '边界',
        en: 'boundary',
        aliases: ['边界范围', 'geojson', 'boundary_geojson'],
        help: {
          zh: '可选。GeoJSON 文本：Polygon 或 MultiPolygon，坐标为 WGS-84 的 [经度, 纬度]（经度在前），每个环首尾相同，例如 {"type":"Polygon","coordinates":[[[118.995,32.69],[119.005,32.69],[119.005,32.698],[118.995,32.69]]]}。高德、腾讯地图（GCJ-02）上画的须先转换。带坐标的上报落入边界即归此网格。一格最多 32767 个字符；留空表示没有边界，不要此列则不改动已有边界',
          en: 'optional. GeoJSON text: a Polygon or MultiPolygon, positions [longitude, latitude] in WGS-84 (longitude first), each ring closed; outlines drawn on AMap/Tencent (GCJ-02) must be converted first. A report whose point lies inside goes to this grid. At most 32,767 characters a cell; empty: no boundary; leave the column out to keep existing boundaries',
        },
      },
    ],
  },
  {
    id: 'people',
    zh: '人员',
    en: 'people',
    columns: [
      { key: 'username', zh: '用户名', en: 'username', required: true, help: { zh: '登录名（小写字母、数字、.、_、-），导入时据此匹配；不导入密码，本人用一次性链接设置', en: 'login name; no passwords are imported: each person sets one with a one-time link' } },
      { key: 'name', zh: '姓名', en: 'name', required: true, help: { zh: '姓名', en: 'full name' } },
      { key: 'phone', zh: '手机号', en: 'phone', aliases: ['手机', '电话'], help: { zh: '可选', en: 'optional' } },
      status,
    ],
  },
  {
    id: 'grants',
    zh: '角色',
    en: 'roles',
    columns: [
      { key: 'username', zh: '用户名', en: 'username', required: true, help: { zh: '人员表中的用户名，或系统中已有的用户名', en: 'a username from the people sheet or already in the system' } },
      { key: 'role', zh: '角色', en: 'role', required: true, help: { zh: '角色编码，如 grid_worker、community_staff、building_leader', en: 'role id, e.g. grid_worker' } },
      { key: 'org', zh: '组织编码', en: 'org', help: { zh: '在组织任职的角色填组织编码', en: 'for roles held at an org: its key' } },
      { key: 'grid', zh: '网格编码', en: 'grid', help: { zh: '网格员等在网格任职的角色填网格编码', en: 'for roles held at a grid: its key' } },
      { ...status, help: { zh: '“停用”收回此角色', en: '"停用"/"disabled" takes the role away' } },
    ],
  },
];

export const sheetById = (id: SheetId): SheetDef => sheets.find((s) => s.id === id)!;

/** Stated limits: beyond them a file is refused before it is read whole. */
export const importLimits = { maxBytes: 50 * 1024 * 1024, maxRows: 200_000 } as const;

const disabledWords = new Set(['停用', '禁用', '撤销', 'disabled', 'inactive', 'revoked']);
const activeWords = new Set(['', '正常', '启用', 'active', 'enabled']);

/** 'disabled', 'active', or null when the cell says something else. */
export function parseStatus(v: string): 'active' | 'disabled' | null {
  const s = v.trim().toLowerCase();
  if (disabledWords.has(s)) return 'disabled';
  if (activeWords.has(s)) return 'active';
  return null;
}

/** A list cell: keys separated by 、，,;； or whitespace. */
export const splitList = (v: string): string[] => v.split(/[、，,;；\s]+/).map((s) => s.trim()).filter(Boolean);

/** Column number (1-based) to its letter, as a spreadsheet shows it. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
