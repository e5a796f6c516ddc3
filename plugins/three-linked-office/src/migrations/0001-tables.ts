import { sql, type Kysely, type Migration } from '@linli/sdk';

// Raw DDL, one statement per call (PGlite's extended protocol takes one at a
// time), the same way the core writes its own. Every table is prefixed tlo_.
const statements = [
  // One office per compound, brought up to the city config at start (offices.ts).
  `create table tlo_offices (
     id integer generated always as identity primary key,
     compound_org_id integer not null unique references linli_orgs(id),
     rc_org_id integer not null references linli_orgs(id),
     property_org_id integer not null references linli_orgs(id),
     owners_org_id integer not null references linli_orgs(id),
     party_org_id integer references linli_orgs(id),
     meeting_weekday integer not null check (meeting_weekday between 1 and 7),
     meeting_time text not null,
     place text,
     representatives jsonb not null default '{}',
     active boolean not null default true,
     updated_at timestamptz not null default now())`,
  `create table tlo_meetings (
     id integer generated always as identity primary key,
     office_id integer not null references tlo_offices(id),
     meeting_date date not null,
     meeting_time text not null,
     scheduled_at timestamptz not null,
     place text,
     note text,
     status text not null default 'scheduled' check (status in ('scheduled', 'held', 'closed', 'cancelled')),
     held_at timestamptz,
     closed_at timestamptz,
     created_by integer references linli_people(id),
     created_at timestamptz not null,
     unique (office_id, meeting_date))`,
  `create index tlo_meetings_open_idx on tlo_meetings (office_id, meeting_date) where status in ('scheduled', 'held')`,
  `create table tlo_attendance (
     meeting_id integer not null references tlo_meetings(id),
     party text not null check (party in ('residentsCommittee', 'propertyCompany', 'ownersCommittee', 'partyCommittee')),
     present boolean not null,
     attendees text,
     recorded_by integer references linli_people(id),
     recorded_at timestamptz not null,
     primary key (meeting_id, party))`,
  // A read model of the problem tickets, kept in step by the plugin's hooks in
  // the same transaction: the agenda and the indicators read it, not ticket JSON.
  `create table tlo_problems (
     ticket_id integer primary key references linli_tickets(id),
     office_id integer not null references tlo_offices(id),
     title text not null,
     category text not null,
     urgency text not null check (urgency in ('急', '缓')),
     difficulty text not null check (difficulty in ('易', '难')),
     state text not null,
     responsible_party text,
     deadline timestamptz,
     raised_at timestamptz not null,
     decided_at timestamptz,
     solved_at timestamptz)`,
  `create index tlo_problems_office_idx on tlo_problems (office_id, state)`,
  `create table tlo_agenda_items (
     id integer generated always as identity primary key,
     meeting_id integer not null references tlo_meetings(id),
     ticket_id integer not null references tlo_problems(ticket_id),
     outcome text not null default 'pending' check (outcome in ('pending', 'decided', 'carried_over', 'removed', 'withdrawn')),
     decision text,
     responsible_party text,
     deadline timestamptz,
     added_at timestamptz not null,
     settled_at timestamptz,
     unique (meeting_id, ticket_id))`,
  // A problem waits on one agenda at a time; the routes say so with a coded
  // error first, this index holds even against two requests at once.
  `create unique index tlo_agenda_items_one_pending on tlo_agenda_items (ticket_id) where outcome = 'pending'`,
  `create table tlo_fee_rates (
     office_id integer not null references tlo_offices(id),
     month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
     rate double precision not null check (rate >= 0 and rate <= 100),
     paid_households integer,
     total_households integer,
     note text,
     entered_by integer references linli_people(id),
     entered_at timestamptz not null,
     primary key (office_id, month))`,
];

export const tables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
