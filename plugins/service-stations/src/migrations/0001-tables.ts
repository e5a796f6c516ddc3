import { sql, type Kysely, type Migration } from '@linli/sdk';

// Raw DDL, one statement per call (PGlite takes one at a time). Tables are
// prefixed with the plugin's name; a shipped migration is never edited.
const statements = [
  `create table service_stations_stations (
     id integer generated always as identity primary key,
     org_id integer not null references linli_orgs(id),
     -- The org's materialized path: "stations in my scope" and the roll-up are prefix ranges.
     org_path text not null,
     name text not null,
     place text,
     -- 'config' (from the city's options, kept in step at start) or 'staff' (added in the app).
     source text not null,
     created_at timestamptz not null,
     unique (org_id, name))`,
  `create index service_stations_stations_path_idx on service_stations_stations (org_path text_pattern_ops)`,
  `create table service_stations_inspections (
     id integer generated always as identity primary key,
     station_id integer not null references service_stations_stations(id),
     period text not null,
     status text not null check (status in ('due', 'done')),
     opened_at timestamptz not null,
     inspected_at timestamptz,
     inspector_id integer references linli_people(id),
     note text,
     -- One inspection per station and period, however often the job or a person opens it.
     unique (station_id, period))`,
  `create table service_stations_results (
     inspection_id integer not null references service_stations_inspections(id),
     item_key text not null,
     -- The item's title when inspected: a later change of the checklist never rewrites history.
     item_title text not null,
     passed boolean not null,
     reason text,
     photos text not null,
     -- The rectification ticket of a failed item, and a copy of its state kept by
     -- the workflow's hook, so the station's compliance never reads ticket rows.
     ticket_id integer references linli_tickets(id),
     ticket_state text,
     primary key (inspection_id, item_key))`,
  `create index service_stations_results_ticket_idx on service_stations_results (ticket_id)`,
  `create table service_stations_staff (
     station_id integer not null references service_stations_stations(id),
     person_id integer not null references linli_people(id),
     position text not null check (position in ('lead', 'deputy', 'member')),
     duty text,
     added_at timestamptz not null,
     primary key (station_id, person_id))`,
  `create table service_stations_duty (
     station_id integer not null references service_stations_stations(id),
     weekday integer not null check (weekday between 1 and 7),
     person_id integer not null references linli_people(id),
     primary key (station_id, weekday, person_id))`,
];

export const tables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
