import { sql, type Kysely, type Migration } from '@linli/sdk';

/**
 * The plugin's tables. A case's parties are named only in its ticket (fields
 * marked sensitive, masked by the core): these tables hold kinds and counts,
 * never a name or a phone, so nothing built on them can leak one.
 */
const statements = [
  `create table dispute_mediation_cases (
     ticket_id integer primary key references linli_tickets(id),
     title text not null,
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     company_org_id integer references linli_orgs(id),
     dispute_type text not null,
     amount_fen integer,
     applicant_kind text not null,
     respondent_kind text not null,
     state text not null,
     version integer not null,
     deadline timestamptz,
     filed_at timestamptz not null,
     team_formed_at timestamptz,
     outcome text,
     outcome_at timestamptz,
     referral_kind text,
     referral_org_id integer references linli_orgs(id),
     referral_settled boolean,
     agreed_amount_fen integer,
     closed_at timestamptz,
     performed text,
     satisfaction text)`,
  `create index dispute_mediation_cases_path_idx on dispute_mediation_cases (compound_path text_pattern_ops, filed_at)`,
  `create table dispute_mediation_team (
     ticket_id integer not null references dispute_mediation_cases(ticket_id),
     person_id integer not null references linli_people(id),
     pool_key text not null,
     pool_title text not null,
     lead boolean not null,
     compound_path text not null,
     primary key (ticket_id, person_id))`,
  `create index dispute_mediation_team_person_idx on dispute_mediation_team (person_id)`,
  `create table dispute_mediation_sessions (
     id integer generated always as identity primary key,
     ticket_id integer not null references dispute_mediation_cases(ticket_id),
     held_on text not null,
     place text not null,
     parties_present text not null,
     mediators_present integer not null,
     absent_person_id integer references linli_people(id),
     record text not null,
     recorded_by integer not null references linli_people(id),
     recorded_at timestamptz not null)`,
  `create index dispute_mediation_sessions_case_idx on dispute_mediation_sessions (ticket_id)`,
];

export const tables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
