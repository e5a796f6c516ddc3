import type { ImportRow, ImportSheetContext, ImportSheetDefinition, ImportSheetProblem } from '@linli/sdk';
import { areaText, parseArea } from './art278.js';
import { typed, type Db } from './store/tables.js';

/**
 * The households sheet 房屋和业主 of the go-live import (`npx linli import`):
 * one row a property unit — its building (org key, or a path of names as the
 * org sheet names the orgs), room, exclusive area, the 党员中心户 and
 * developer-held flags, and its owners with their phones and owner numbers
 * (lists in the same order). Names and phones are personal data: no problem
 * or preview line repeats them, only their cell.
 *
 * Re-importing the same sheet changes nothing; a changed area, flag, phone
 * or owner number updates the unit or owner (owners matched by name within
 * the unit); a new owner name is added. A unit of a building the sheet names
 * that the sheet does not list, and an owner on the roll the row does not
 * list, are reported (表中没有) and kept: the roll feeds frozen electorates,
 * candidates and linked accounts, so nothing is deleted by omission. An owner
 * staff took off the roll (业主名册 → 移除业主) whom the sheet still lists is
 * not added back, only reported: an old file must not undo a recorded sale.
 */
const LIST = /\s*[、，,;；]\s*/;
const yesWords = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const flagPattern = '^(是|否|[YyNn]|[Yy][Ee][Ss]|[Nn][Oo]|TRUE|FALSE|true|false|1|0|√|✓)$';
const flag = (v: string | undefined) => yesWords.has((v ?? '').trim().toLowerCase());
/** A list cell split in order, empty places kept (`138…、、139…`: the second owner has no phone). */
const places = (v: string | undefined): string[] => (v ?? '').split(LIST).map((s) => s.trim());
const names = (v: string | undefined): string[] => places(v).filter(Boolean);

const list = (item: string) => `^(${item})?(\\s*[、，,;；]\\s*(${item})?)*$`;
export const OWNER_NO = '[0-9A-Za-z_-]{1,32}';

export const householdsRowSchema = {
  type: 'object',
  properties: {
    building: { type: 'string', maxLength: 200 },
    room: { type: 'string', maxLength: 40 },
    // Square metres with at most two decimals, more than zero: parsed from the text, never through a float.
    area: { type: 'string', pattern: '^(?!0+(\\.0{1,2})?$)[0-9]{1,7}(\\.[0-9]{1,2})?$' },
    partyMemberHousehold: { type: 'string', pattern: flagPattern },
    developerHeld: { type: 'string', pattern: flagPattern },
    owners: { type: 'string', maxLength: 400 },
    phones: { type: 'string', pattern: list('1[0-9]{10}'), maxLength: 400 },
    ownerNos: { type: 'string', pattern: list(OWNER_NO), maxLength: 400 },
  },
  additionalProperties: false,
} as const;

interface Existing {
  id: number;
  room: string;
  areaCenti: number;
  party: boolean;
  developer: boolean;
  owners: { id: number; name: string; phone: string | null; ownerNo: string | null }[];
  /** Names of owners taken off the roll (0007): never matched, never added back. */
  removed: string[];
}

async function unitsOfBuildings(db: Db, buildingIds: number[]): Promise<Map<string, Existing & { buildingOrgId: number }>> {
  const out = new Map<string, Existing & { buildingOrgId: number }>();
  if (!buildingIds.length) return out;
  const units = await db
    .selectFrom('owners_self_governance_units')
    .select(['id', 'building_org_id', 'room', 'area_centi', 'party_member_household', 'developer_held'])
    .where('building_org_id', 'in', buildingIds)
    .orderBy('id')
    .execute();
  const owners = units.length
    ? await db.selectFrom('owners_self_governance_owners').select(['id', 'unit_id', 'name', 'phone', 'owner_no', 'removed_at']).where('unit_id', 'in', units.map((u) => u.id)).orderBy('id').execute()
    : [];
  for (const u of units) {
    out.set(`${u.building_org_id}|${u.room}`, {
      id: u.id,
      buildingOrgId: u.building_org_id,
      room: u.room,
      areaCenti: u.area_centi,
      party: u.party_member_household,
      developer: u.developer_held,
      owners: owners.filter((o) => o.unit_id === u.id && o.removed_at === null).map((o) => ({ id: o.id, name: o.name, phone: o.phone, ownerNo: o.owner_no })),
      removed: owners.filter((o) => o.unit_id === u.id && o.removed_at !== null).map((o) => o.name),
    });
  }
  return out;
}

/** Upserts the sheet's units and owners in the import's transaction (see the module comment for what changes and what is only reported). */
export async function applyHouseholds(ctx: ImportSheetContext, rows: ImportRow[]) {
  const db = typed(ctx.db);
  const problems: ImportSheetProblem[] = [];
  const preview: string[] = [];
  const notes: string[] = [];
  const counts = { created: 0, updated: 0, unchanged: 0, notInSheet: 0, ownersNotInSheet: 0 };
  const existing = await unitsOfBuildings(db, [...new Set(rows.map((r) => r.org!.id))]);
  const seen = new Map<string, number>();
  for (const r of rows) {
    const b = r.org!;
    const room = r.values.room!.trim();
    const key = `${b.id}|${room}`;
    const where = `${b.name} ${room}`;
    const twice = seen.get(key);
    if (twice !== undefined) {
      problems.push({ row: r.row, column: 'room', message: { 'zh-CN': `与第 ${twice} 行是同一套房屋（${where}）`, en: `the same unit as row ${twice} (${where})` } });
      continue;
    }
    seen.set(key, r.row);
    const ownerNames = names(r.values.owners);
    const phones = places(r.values.phones);
    const nos = places(r.values.ownerNos);
    if (!ownerNames.length) {
      problems.push({ row: r.row, column: 'owners', message: { 'zh-CN': '“业主姓名”不能为空', en: '"业主姓名" (owners) is empty' } });
      continue;
    }
    if (new Set(ownerNames).size !== ownerNames.length) {
      problems.push({ row: r.row, column: 'owners', message: { 'zh-CN': '同一姓名出现两次：共有人各写一次', en: 'a name appears twice: write each co-owner once' } });
      continue;
    }
    if (r.values.phones && phones.length > ownerNames.length) {
      problems.push({ row: r.row, column: 'phones', message: { 'zh-CN': `电话比业主多：按业主姓名的顺序填写，每人一个（共 ${ownerNames.length} 人）`, en: `more phones than owners: one for each owner, in the order of the names (${ownerNames.length})` } });
      continue;
    }
    if (r.values.ownerNos && nos.length > ownerNames.length) {
      problems.push({ row: r.row, column: 'ownerNos', message: { 'zh-CN': `业主编号比业主多：按业主姓名的顺序填写（共 ${ownerNames.length} 人）`, en: `more owner numbers than owners, in the order of the names (${ownerNames.length})` } });
      continue;
    }
    const areaCenti = parseArea(r.values.area!);
    const party = flag(r.values.partyMemberHousehold);
    const developer = flag(r.values.developerHeld);
    const owners = ownerNames.map((name, i) => ({ name, phone: phones[i] || null, ownerNo: nos[i] || null }));
    const unit = existing.get(key);
    if (!unit) {
      const made = await db
        .insertInto('owners_self_governance_units')
        .values({ building_org_id: b.id, building_path: b.path, room, area_centi: areaCenti, party_member_household: party, developer_held: developer, created_at: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('owners_self_governance_owners').values(owners.map((o) => ({ unit_id: made.id, name: o.name, phone: o.phone, owner_no: o.ownerNo, person_id: null }))).execute();
      counts.created++;
      preview.push(`新增房屋 ${where}（${areaText(areaCenti)} ㎡，${owners.length} 位业主）`);
      continue;
    }
    const changes: string[] = [];
    if (unit.areaCenti !== areaCenti || unit.party !== party || unit.developer !== developer) {
      await db.updateTable('owners_self_governance_units').set({ area_centi: areaCenti, party_member_household: party, developer_held: developer }).where('id', '=', unit.id).execute();
      if (unit.areaCenti !== areaCenti) changes.push(`面积 ${areaText(unit.areaCenti)} → ${areaText(areaCenti)} ㎡`);
      if (unit.party !== party) changes.push(party ? '设为党员中心户' : '取消党员中心户');
      if (unit.developer !== developer) changes.push(developer ? '设为开发商未售/未交付' : '取消开发商未售/未交付');
    }
    let added = 0;
    let edited = 0;
    let removed = 0;
    for (const o of owners) {
      const had = unit.owners.find((x) => x.name === o.name);
      if (!had && unit.removed.includes(o.name)) removed++;
      else if (!had) {
        await db.insertInto('owners_self_governance_owners').values({ unit_id: unit.id, name: o.name, phone: o.phone, owner_no: o.ownerNo, person_id: null }).execute();
        added++;
      } else if (had.phone !== o.phone || had.ownerNo !== o.ownerNo) {
        await db.updateTable('owners_self_governance_owners').set({ phone: o.phone, owner_no: o.ownerNo }).where('id', '=', had.id).execute();
        edited++;
      }
    }
    if (added) changes.push(`新增业主 ${added} 位`);
    if (edited) changes.push(`修改业主电话或编号 ${edited} 位`);
    const missing = unit.owners.filter((x) => !ownerNames.includes(x.name)).length;
    if (missing) {
      counts.ownersNotInSheet += missing;
      notes.push(`名册中 ${where} 有 ${missing} 位业主不在表中（未删除，请在业主名册核对）`);
    }
    if (removed) notes.push(`表中 ${where} 有 ${removed} 位业主已从名册移除（未重新加入；确属业主的请在业主名册重新登记）`);
    if (changes.length) {
      counts.updated++;
      preview.push(`修改房屋 ${where}：${changes.join('，')}`);
    } else counts.unchanged++;
  }
  for (const [key, u] of existing) {
    if (seen.has(key)) continue;
    counts.notInSheet++;
    const b = rows.find((r) => r.org!.id === u.buildingOrgId)!.org!;
    notes.push(`表中没有 ${b.name} ${u.room}（名册中保留，未删除）`);
  }
  return { counts, changed: counts.created + counts.updated, preview, notes, problems };
}

/** Every unit of the city in the sheet's columns, so importing the export into an empty city reproduces the roll (accounts are linked again on the roll). */
export async function exportHouseholds(ctx: Omit<ImportSheetContext, 'now'>): Promise<Record<string, string>[]> {
  const db = typed(ctx.db);
  const units = await db
    .selectFrom('owners_self_governance_units as u')
    .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
    .select(['u.id', 'b.key', 'u.room', 'u.area_centi', 'u.party_member_household', 'u.developer_held'])
    .orderBy('b.key')
    .orderBy('u.room')
    .execute();
  const owners = units.length ? await db.selectFrom('owners_self_governance_owners').select(['unit_id', 'name', 'phone', 'owner_no']).where('unit_id', 'in', units.map((u) => u.id)).where('removed_at', 'is', null).orderBy('id').execute() : [];
  return units.map((u) => {
    const mine = owners.filter((o) => o.unit_id === u.id);
    const joined = (xs: (string | null)[]) => (xs.some(Boolean) ? xs.map((x) => x ?? '').join('、') : '');
    return {
      building: u.key,
      room: u.room,
      area: areaText(u.area_centi),
      partyMemberHousehold: u.party_member_household ? '是' : '',
      developerHeld: u.developer_held ? '是' : '',
      owners: mine.map((o) => o.name).join('、'),
      phones: joined(mine.map((o) => o.phone)),
      ownerNos: joined(mine.map((o) => o.owner_no)),
    };
  });
}

export const householdsSheet: ImportSheetDefinition = {
  id: 'owners-self-governance.households',
  title: { 'zh-CN': '房屋和业主', en: 'households' },
  aliases: ['户', '业主', '业主名册', '房屋', 'owners', 'units'],
  columns: [
    { key: 'building', title: { 'zh-CN': '楼栋', en: 'building' }, aliases: ['楼栋编码', '所属楼栋'], required: true, help: { 'zh-CN': '楼栋的组织编码（如 hepan-b1，可以是本文件“组织”表中新增的），或按组织表名称写的路径（如 河畔家园/河畔家园1栋）', en: "the building's org key (e.g. hepan-b1, also one the 组织 sheet of this file adds), or a path of org names (e.g. 河畔家园/河畔家园1栋)" } },
    { key: 'room', title: { 'zh-CN': '房号', en: 'room' }, aliases: ['门牌', '单元门牌'], required: true, help: { 'zh-CN': '单元和门牌，如 1单元302；同一楼栋内唯一，导入时与楼栋一起匹配', en: 'entrance and door number, e.g. 1单元302; unique in the building, matched with it' } },
    { key: 'area', title: { 'zh-CN': '专有部分面积', en: 'area' }, aliases: ['专有部分面积（㎡）', '面积', 'area_m2'], required: true, help: { 'zh-CN': '不动产权证记载的专有部分面积，平方米，最多两位小数，大于 0（如 89.56）', en: 'exclusive floor area in m² as on the property certificate, at most two decimals, more than zero (e.g. 89.56)' } },
    { key: 'partyMemberHousehold', title: { 'zh-CN': '党员中心户', en: 'party_member_household' }, help: { 'zh-CN': '“是”或留空', en: '"是"/yes or empty' } },
    { key: 'developerHeld', title: { 'zh-CN': '开发商未售/未交付', en: 'developer_held' }, aliases: ['开发商持有'], help: { 'zh-CN': '建设单位尚未出售或已售未交付的填“是”：表决时开发商的这些房屋合计按一人计', en: '"是"/yes for a unit the developer has not sold or not delivered: together they count as one owner in a vote' } },
    { key: 'owners', title: { 'zh-CN': '业主姓名', en: 'owners' }, aliases: ['业主', '产权人'], required: true, sensitive: true, help: { 'zh-CN': '产权人姓名，共有人用顿号分隔（如 郑国强、郑丽）；开发商持有的填单位名称。个人信息，只在系统内掩码显示', en: 'owners, co-owners separated by 、 or commas; the developer’s name for its units. Personal data, shown masked' } },
    { key: 'phones', title: { 'zh-CN': '业主电话', en: 'phones' }, aliases: ['手机号', '电话'], sensitive: true, help: { 'zh-CN': '11 位手机号，按业主姓名的顺序用顿号分隔，没有的留空位（如 13800001111、、13900002222）。电话相同即视为同一业主（有业主编号的以编号为准）', en: '11-digit mobile numbers in the order of the names, separated by 、, empty places allowed. The same phone is the same owner (unless owner numbers say otherwise)' } },
    { key: 'ownerNos', title: { 'zh-CN': '业主编号', en: 'owner_numbers' }, aliases: ['业主编号（同一业主多套房屋）'], help: { 'zh-CN': '可选。同一业主拥有多套房屋的，各行填同一编号（字母、数字、-、_，最多 32 位），表决时按一人计；按业主姓名的顺序用顿号分隔。不要填身份证号', en: 'optional. The same number on the rows of one owner’s units (letters, digits, - and _, up to 32): they count as one owner in a vote; in the order of the names. Never an ID-card number' } },
  ],
  rowSchema: householdsRowSchema,
  org: { column: 'building', types: ['building'] },
  key: (r) => `${r.values.building}|${r.values.room}`,
  apply: applyHouseholds,
  export: exportHouseholds,
};
