import { sql, type Kysely, type Migration } from '@linli/sdk';

// The plugin's tables, prefixed red_property_. One statement per call (PGlite
// takes one at a time). Never edit a migration once shipped: add 0002-….ts.
// Each row copies its compound's materialized path: "in my scope" is an
// indexed prefix range.
const statements = [
  // A read model of the complaint tickets, kept in step by the hooks in the
  // step's own transaction: response times per company are read from here.
  `create table red_property_complaints (
     ticket_id integer primary key references linli_tickets(id),
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     company_org_id integer not null references linli_orgs(id),
     category text not null,
     state text not null,
     filed_at timestamptz not null,
     dispatched_at timestamptz,
     response_due timestamptz,
     responded_at timestamptz,
     closed_at timestamptz,
     satisfaction text)`,
  `create index red_property_complaints_company_idx on red_property_complaints (company_org_id, filed_at)`,
  `create index red_property_complaints_path_idx on red_property_complaints (compound_path text_pattern_ops)`,
  `create table red_property_evaluations (
     id integer generated always as identity primary key,
     company_org_id integer not null references linli_orgs(id),
     period text not null,
     scores jsonb not null,
     total integer not null,
     max_total integer not null,
     rating text not null check (rating in ('优秀', '良好', '合格', '差')),
     comment text,
     complaint_figures jsonb not null,
     evaluator_id integer not null references linli_people(id),
     evaluated_at timestamptz not null,
     unique (company_org_id, period))`,
  // The property credit file 物业服务信用档案: history, only ever appended to.
  `create table red_property_credit_entries (
     id integer generated always as identity primary key,
     company_org_id integer not null references linli_orgs(id),
     kind text not null check (kind in ('evaluation', 'red_list', 'black_list', 'delisted')),
     period text,
     rating text,
     total integer,
     max_total integer,
     note text,
     evaluation_id integer references red_property_evaluations(id),
     recorded_by integer references linli_people(id),
     recorded_at timestamptz not null)`,
  `create index red_property_credit_company_idx on red_property_credit_entries (company_org_id, id)`,
  `create function red_property_append_only() returns trigger language plpgsql as $$
   begin
     raise exception '% is append-only: add a new entry instead', tg_table_name;
   end $$`,
  `create trigger red_property_credit_append_only before update or delete on red_property_credit_entries
     for each row execute function red_property_append_only()`,
  `create table red_property_meetings (
     id integer generated always as identity primary key,
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     held_on date not null,
     topic text not null,
     subject text not null,
     attendance jsonb not null,
     decision text,
     recorded_by integer not null references linli_people(id),
     recorded_at timestamptz not null)`,
  `create index red_property_meetings_path_idx on red_property_meetings (compound_path text_pattern_ops, held_on)`,
  // 一区一档: the compound's facts, one current sheet per compound.
  `create table red_property_compound_files (
     compound_org_id integer primary key references linli_orgs(id),
     compound_path text not null,
     facts jsonb not null,
     updated_by integer not null references linli_people(id),
     updated_at timestamptz not null)`,
  // 物业费及公共收益清单: entries only; the balance is their sum.
  `create table red_property_ledger_entries (
     id integer generated always as identity primary key,
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     kind text not null check (kind in ('income', 'expense')),
     category text not null,
     amount_fen bigint not null check (amount_fen > 0),
     purpose text not null,
     occurred_on date not null,
     meeting_id integer references red_property_meetings(id),
     recorded_by integer not null references linli_people(id),
     recorded_at timestamptz not null)`,
  `create index red_property_ledger_path_idx on red_property_ledger_entries (compound_path text_pattern_ops, occurred_on)`,
  `create trigger red_property_ledger_append_only before update or delete on red_property_ledger_entries
     for each row execute function red_property_append_only()`,
  // 十件实事: at most ten open per compound and year (checked by the service under a row lock on the compound).
  `create table red_property_practical_matters (
     id integer generated always as identity primary key,
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     year integer not null,
     title text not null,
     description text,
     status text not null default 'open' check (status in ('open', 'done')),
     result text,
     created_by integer not null references linli_people(id),
     created_at timestamptz not null,
     done_at timestamptz)`,
  `create index red_property_matters_idx on red_property_practical_matters (compound_org_id, year, status)`,
];

export const tables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
