import { pluginEnabled, type Kysely, type PluginContext } from '@linli/sdk';
import { committeeOf, type Committee } from '@linli/plugin-owners-self-governance';
import type { Compound } from './companies.js';

/** The plugin that seats owners' committees; red property uses it only when the city enables it (optionalDependencies). */
export const OWNERS = 'owners-self-governance';

export const withCommittees = (ctx: Pick<PluginContext, 'deployment'>): boolean => pluginEnabled(ctx, OWNERS);

/**
 * Where the owners' committee of a compound stands, as four-party meetings
 * and evaluations need it: undefined when owners' self-governance is not
 * enabled (red property then works as it always did), else the committee
 * (possibly not sitting) or `none`.
 */
export async function committeeState(ctx: PluginContext, db: Kysely<any>, compound: Pick<Compound, 'path'>): Promise<Committee | 'none' | undefined> {
  if (!withCommittees(ctx)) return undefined;
  return (await committeeOf(db, compound.path, ctx.now())) ?? 'none';
}

/** Why the owners' committee cannot be present, in both languages; undefined when it sits. */
export function noCommittee(state: Committee | 'none' | undefined): { zh: string; en: string } | undefined {
  if (state === 'none') return { zh: '本小区没有在任的业主委员会', en: 'no owners’ committee sits for this compound' };
  if (state && !state.sitting) return { zh: '业主委员会任期已届满', en: 'the owners’ committee’s term has ended' };
  return undefined;
}

const day = (d: Date, offsetHours: number) => new Date(d.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);

/** One line about a compound's committee for the companies page: members with roles and the term, or why there is none. */
export function committeeLine(name: string, state: Committee | 'none', offsetHours: number): string {
  const why = noCommittee(state);
  if (why || state === 'none') return `${name}：${why!.zh}`;
  return `${name}：${state.members.map((m) => `${m.name}（${m.role}）`).join('、')}，任期至${day(state.termEnd, offsetHours)}`;
}
