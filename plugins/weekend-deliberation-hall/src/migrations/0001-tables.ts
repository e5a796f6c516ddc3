import { sql, type Kysely, type Migration } from '@linli/sdk';

// Raw DDL, one statement per call (PGlite takes one at a time). Every table
// is prefixed wdh_. Compound paths are copied beside their ids, so "in my
// scope" is an indexed prefix range, as the core does for tickets.
const statements = [
  `create table wdh_sessions (
     id integer generated always as identity primary key,
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     session_date date not null,
     start_time text not null,
     starts_at timestamptz not null,
     place text not null,
     theme text,
     status text not null default 'scheduled' check (status in ('scheduled', 'held', 'closed', 'cancelled')),
     record text,
     held_at timestamptz,
     closed_at timestamptz,
     created_by integer references linli_people(id),
     created_at timestamptz not null,
     unique (compound_org_id, session_date))`,
  `create index wdh_sessions_path_idx on wdh_sessions (compound_path text_pattern_ops, session_date)`,
  // The sign-in sheet, one row per stakeholder group. Names are for staff; the notice shows counts.
  `create table wdh_participants (
     session_id integer not null references wdh_sessions(id),
     stakeholder_group text not null check (stakeholder_group in ('partyMembers', 'residentsCommittee', 'ownerRepresentatives', 'propertyCompany')),
     present integer not null check (present >= 0),
     names text,
     recorded_by integer references linli_people(id),
     recorded_at timestamptz not null,
     primary key (session_id, stakeholder_group))`,
  // A read model of the topic tickets, kept in step by the hooks in the same
  // transaction: agendas, notices and indicators read it, not ticket JSON.
  `create table wdh_topics (
     ticket_id integer primary key references linli_tickets(id),
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     title text not null,
     category text not null,
     state text not null,
     raised_at timestamptz not null,
     screened_at timestamptz,
     resolved_at timestamptz,
     completed_at timestamptz,
     publicized_at timestamptz,
     result text)`,
  `create index wdh_topics_path_idx on wdh_topics (compound_path text_pattern_ops, state)`,
  `create table wdh_agenda (
     id integer generated always as identity primary key,
     session_id integer not null references wdh_sessions(id),
     ticket_id integer not null references wdh_topics(ticket_id),
     status text not null default 'pending' check (status in ('pending', 'passed', 'not_passed', 'removed')),
     added_at timestamptz not null,
     settled_at timestamptz,
     unique (session_id, ticket_id))`,
  // A topic waits on one open agenda at a time; the routes and the hook say so
  // with WDH_ERR_ALREADY_SCHEDULED first, this index holds against races.
  `create unique index wdh_agenda_one_pending on wdh_agenda (ticket_id) where status = 'pending'`,
  `create table wdh_votes (
     id integer generated always as identity primary key,
     session_id integer not null references wdh_sessions(id),
     ticket_id integer not null references wdh_topics(ticket_id),
     votes_for integer not null check (votes_for >= 0),
     votes_against integer not null check (votes_against >= 0),
     abstentions integer not null check (abstentions >= 0),
     present integer not null,
     passed boolean not null,
     explanation text not null,
     deliberation text not null,
     resolution text not null,
     implementer text,
     deadline timestamptz,
     recorded_by integer references linli_people(id),
     recorded_at timestamptz not null,
     unique (session_id, ticket_id))`,
];

export const tables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
