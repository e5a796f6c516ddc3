import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compileStatement, param, statementBuilder, statementsByShape } from './compiled.js';

describe('statements compiled once', () => {
  it('bind named values in the order the SQL wants them, a name used twice bound twice, fixed values kept', () => {
    const st = compileStatement<Record<string, unknown>>(
      statementBuilder
        .selectFrom('linli_tickets')
        .select('id')
        .where('state', '=', param('state'))
        .where('workflow', '=', 'grid-request')
        .where((eb) => eb.or([eb('reporter_id', '=', param('me')), eb('assignee_person_id', '=', param('me'))]))
        .where('created_at', '<', sql<Date>`cast(${param('now')} as timestamptz)`),
    );
    expect(st.sql).toBe(
      'select "id" from "linli_tickets" where "state" = $1 and "workflow" = $2 and ("reporter_id" = $3 or "assignee_person_id" = $4) and "created_at" < cast($5 as timestamptz)',
    );
    const now = new Date('2026-12-05T08:00:00Z');
    expect(st.bind({ me: 7, state: 'sorted', now })).toEqual(['sorted', 'grid-request', 7, 7, now]);
    // null is a value (a nullable column); a missing name is a bug and says which.
    expect(st.bind({ me: null, state: 'sorted', now })).toEqual(['sorted', 'grid-request', null, null, now]);
    expect(() => st.bind({ me: 7, now })).toThrow('statement parameter "state" has no value');
  });

  it('compile each shape once and keep shapes apart', () => {
    let built = 0;
    const byCount = statementsByShape(
      (n: number) => String(n),
      (n) => {
        built++;
        return statementBuilder.selectFrom('linli_orgs').select('id').where('id', 'in', Array.from({ length: n }, (_, i) => param<number>(`id${i}`)));
      },
    );
    const two = byCount(2);
    expect(byCount(2)).toBe(two);
    expect(byCount(3).sql).toContain('in ($1, $2, $3)');
    expect(two.bind({ id0: 4, id1: 5 })).toEqual([4, 5]);
    expect(built).toBe(2);
  });
});
