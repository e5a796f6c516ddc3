import type { PublicDataSource, PublicPage } from '@linli/sdk';
import { termState } from './committee.js';
import { latestCommittees, membersOf } from './store/committee.js';
import { typed } from './store/tables.js';

/**
 * The sitting owners' committee on the public board: the committee is
 * publicized, so each member's name, building and role show, with the term.
 * A committee whose term has ended is no longer shown. Phones never.
 */
export const committeeData: PublicDataSource = {
  id: 'committee',
  title: { 'zh-CN': '业主委员会', en: "Owners' committee" },
  item: {
    type: 'object',
    properties: { name: { type: 'string' }, compound: { type: 'string' }, building: { type: 'string' }, role: { type: 'string' }, term: { type: 'string' }, termEnd: { type: 'string', format: 'date-time' } },
    required: ['name', 'compound', 'building', 'role', 'term', 'termEnd'],
    additionalProperties: false,
  },
  async load({ db, place, now }, limit) {
    const t = typed(db);
    const at = now();
    const committees = (await latestCommittees(t, place.path)).filter((c) => termState(c.termEnd, at) !== 'ended');
    const members = await membersOf(t, committees.map((c) => c.id));
    const day = (d: Date) => new Date(d).toISOString().slice(0, 10);
    return members.slice(0, limit).map((m) => {
      const c = committees.find((x) => x.id === m.committeeId)!;
      return { name: m.name, compound: c.compoundName, building: m.building, role: m.role, term: `${day(c.termStart)} 至 ${day(c.termEnd)}`, termEnd: new Date(c.termEnd).toISOString() };
    });
  },
};

export const committeePage: PublicPage = {
  id: 'committee',
  title: { 'zh-CN': '业主自治 · 业主委员会', en: "Owners · the owners' committee" },
  source: 'committee',
  heading: 'name',
  order: 32,
  fields: [
    { field: 'role', title: { 'zh-CN': '职务', en: 'Role' }, format: 'badge' },
    { field: 'building', title: { 'zh-CN': '楼栋', en: 'Building' } },
    { field: 'compound', title: { 'zh-CN': '小区', en: 'Compound' } },
    { field: 'term', title: { 'zh-CN': '任期', en: 'Term' } },
  ],
  empty: { 'zh-CN': '暂无在任业主委员会', en: 'No sitting owners’ committee' },
};
