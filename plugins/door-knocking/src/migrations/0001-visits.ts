import { sql, type Kysely, type Migration } from '@linli/sdk';

// Raw DDL, one statement per call (PGlite's extended protocol takes one at a
// time). Tables are prefixed with the plugin's name; migrations are never
// edited once shipped: a change is a new file, 0002-….
const statements = [
  `create table door_knocking_visits (
     id integer generated always as identity primary key,
     building_org_id integer not null references linli_orgs(id),
     -- The building's materialized path, so "visits in my scope" is an indexed prefix range.
     building_path text not null,
     household text not null,
     round text not null,
     visited_at timestamptz not null,
     visitor_id integer not null references linli_people(id),
     at_home boolean not null,
     note text,
     -- The problem filed from this visit, if any. Title and state are copies, so
     -- the plugin's pages never read ticket rows past the core's visibility
     -- rules; the afterTransition hook keeps the state in step.
     ticket_id integer references linli_tickets(id),
     problem_title text,
     problem_state text)`,
  `create index door_knocking_visits_path_idx on door_knocking_visits (building_path text_pattern_ops, visited_at)`,
  `create index door_knocking_visits_round_idx on door_knocking_visits (round, building_org_id)`,
  `create index door_knocking_visits_household_idx on door_knocking_visits (building_org_id, household, visited_at)`,
  // One row per need, so the needs chart is a plain GROUP BY on both databases.
  `create table door_knocking_visit_needs (
     visit_id integer not null references door_knocking_visits(id),
     need text not null,
     primary key (visit_id, need))`,
];

export const visitsTables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
