import type { ActorRule } from '@linli/core';
import type { EnrolmentDefinition, LinliPlugin } from '@linli/sdk';
import type { Kysely } from 'kysely';
import { mintActor, type MintedActor } from '../actor-mint.js';

const identifier = /^[a-z][a-z0-9_]*$/;

/** Refuses an enrolment that names a table outside its plugin's own, or an unsafe identifier: at start, not at the first request. */
export function checkEnrolments(plugins: readonly LinliPlugin[]): Map<string, EnrolmentDefinition> {
  const all = new Map<string, EnrolmentDefinition>();
  for (const p of plugins) {
    const prefix = `${p.name.replace(/-/g, '_')}_`;
    for (const e of p.enrolments ?? []) {
      if (!e.id.startsWith(`${p.name}.`)) throw new Error(`Plugin ${p.name}: enrolment "${e.id}" must be named "${p.name}.<name>".`);
      if (!e.table.startsWith(prefix) || ![e.table, e.personColumn, e.pathColumn].every((x) => identifier.test(x))) {
        throw new Error(`Plugin ${p.name}: enrolment "${e.id}" must read one of the plugin's own tables (${prefix}…) by plain column names.`);
      }
      if (all.has(e.id)) throw new Error(`Enrolment "${e.id}" is declared twice.`);
      all.set(e.id, e);
    }
  }
  return all;
}

/**
 * The actor with the enrolments the given rules name, read from the tables
 * the plugins declared (kysely quotes the identifiers; the values are bound).
 * The server builds this actor; plugins only declare where enrolments live.
 */
export function enrolmentReader(plugins: readonly LinliPlugin[]) {
  const declared = checkEnrolments(plugins);
  return async (trx: Kysely<any>, actor: MintedActor, rules: readonly ActorRule[]): Promise<MintedActor> => {
    const ids = [...new Set(rules.filter((r) => r.scope === 'enrolled' && r.enrolment).map((r) => r.enrolment!))];
    if (ids.length === 0) return actor;
    const enrolments: Record<string, string[]> = { ...actor.enrolments } as Record<string, string[]>;
    for (const id of ids) {
      const e = declared.get(id);
      if (!e) throw new Error(`A workflow rule names enrolment "${id}", which no enabled plugin declares.`);
      const rows = await trx.selectFrom(e.table).select(`${e.pathColumn} as path`).where(e.personColumn, '=', Number(actor.personId)).execute();
      enrolments[id] = rows.map((r: { path: string }) => r.path);
    }
    // A new actor, minted like the one it extends: hooks may hand it back to the ticket service.
    return mintActor({ personId: actor.personId, grants: actor.grants, enrolments });
  };
}
