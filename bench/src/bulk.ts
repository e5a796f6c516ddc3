import type { CoreTables } from '@linli/db';
import { sql, type Kysely } from 'kysely';

/**
 * Generates tickets and their histories inside the database, in batches of
 * `insert … select … from generate_series`: nothing crosses the wire but the
 * batch bounds, and the same SQL runs on PostgreSQL and PGlite.
 *
 * The shape follows the grid-request workflow (collect → sort → dispatch →
 * handle → feedback) over two years of a city's requests: old tickets are
 * closed (5% rejected), recent ones are still moving, and a thin tail of old
 * ones is stuck open and overdue — which is what makes deep queue pages hard.
 */

export interface TicketOrg {
  id: number;
  path: string;
  name: string;
  reporterId: number;
}

export interface BulkShape {
  orgs: TicketOrg[];
  /** Departments and property companies that dispatched tickets go to. */
  assignees: { id: number; path: string }[];
  /** Who sorts, dispatches and closes (the events' actor after creation). */
  staffId: number;
  now: Date;
  /** Total tickets in the data set: spreads created_at over the two years. */
  total: number;
  /** Whether linli_ticket_events has the assignee snapshot columns (migration 0003). */
  eventsHaveAssignee: boolean;
}

const SPAN_DAYS = 730;

export const titles: { title: string; category: string; description: string }[] = [
  { title: '楼道堆放杂物影响通行', category: '安全隐患', description: '3单元楼道堆放纸箱和旧家具，影响通行，存在消防隐患。' },
  { title: '小区路灯不亮', category: '公共设施', description: '小区东门到5栋之间的路灯已经坏了一周，晚上出行不便。' },
  { title: '垃圾清运不及时', category: '环境卫生', description: '垃圾分类投放点的垃圾两天没有清运，气味很大。' },
  { title: '电梯经常故障停运', category: '物业服务', description: '2栋电梯本月已停运三次，老人上下楼困难，请物业尽快维修。' },
  { title: '楼上漏水影响楼下', category: '邻里纠纷', description: '楼上卫生间漏水导致我家天花板发霉，协商未果，请帮助协调。' },
  { title: '电动车在楼道充电', category: '安全隐患', description: '有住户把电动车推进楼道充电，飞线充电很危险。' },
  { title: '绿化带被占用种菜', category: '环境卫生', description: '小区绿化带被个别住户开垦种菜，影响环境。' },
  { title: '停车位被长期占用', category: '邻里纠纷', description: '消防通道旁停车位被僵尸车长期占用。' },
  { title: '下水道堵塞返水', category: '公共设施', description: '1栋门前下水道堵塞，下雨天返水严重。' },
  { title: '物业费收支不公开', category: '物业服务', description: '希望物业公开上一年度物业费和公共收益的收支情况。' },
  { title: '夜间广场舞噪音扰民', category: '邻里纠纷', description: '晚上九点以后广场舞音响声音过大，影响休息。' },
  { title: '外墙瓷砖脱落', category: '安全隐患', description: '4栋外墙瓷砖有脱落，楼下是人行通道，存在安全隐患。' },
];

/** What the deadline worker appends when a step runs out of time (packages/server/src/services/deadline-jobs.ts). */
export const OVERDUE_ACTION = 'deadline.overdue';

type Step = readonly [action: string, from: string | null, to: string, data: object | null, comment: string | null];

/**
 * Every history a ticket can have, by final state, with and without an
 * overdue step: a ticket's version is its number of events, and no two
 * histories of one (state, dispatched) pair have the same length, so the
 * events batch finds a ticket's history by (state, dispatched, version).
 */
const histories: { state: string; dispatched: boolean; steps: Step[] }[] = (() => {
  const create: Step = ['create', null, 'collected', null, null];
  const sort: Step = ['sort', 'collected', 'sorted', { category: '公共设施', urgency: '缓' }, null];
  const dispatch: Step = ['dispatch', 'sorted', 'dispatched', { instructions: '请三个工作日内办结' }, null];
  const handle: Step = ['handle', 'dispatched', 'handled', { result: '已到现场处理完毕' }, null];
  const inGrid: Step = ['solve-in-grid', 'sorted', 'handled', { result: '网格员协调解决' }, null];
  const confirm: Step = ['confirm', 'handled', 'closed', { satisfaction: '满意' }, null];
  const rejectNew: Step = ['reject', 'collected', 'rejected', null, '不属于受理范围'];
  const rejectSorted: Step = ['reject', 'sorted', 'rejected', null, '已通过其他渠道解决'];
  const late = (state: string): Step => [OVERDUE_ACTION, state, state, { deadline: 'past' }, null];
  const h = (state: string, dispatched: boolean, ...steps: Step[]) => ({ state, dispatched, steps });
  return [
    h('collected', false, create),
    h('collected', false, create, late('collected')),
    h('sorted', false, create, sort),
    h('sorted', false, create, sort, late('sorted')),
    h('dispatched', true, create, sort, dispatch),
    h('dispatched', true, create, sort, dispatch, late('dispatched')),
    h('handled', true, create, sort, dispatch, handle),
    h('handled', true, create, sort, dispatch, handle, late('handled')),
    h('handled', false, create, sort, inGrid),
    h('handled', false, create, sort, inGrid, late('handled')),
    h('closed', true, create, sort, dispatch, handle, confirm),
    h('closed', true, create, sort, dispatch, late('dispatched'), handle, confirm),
    h('closed', false, create, sort, inGrid, confirm),
    h('closed', false, create, sort, late('sorted'), inGrid, confirm),
    h('rejected', false, create, rejectNew),
    h('rejected', false, create, sort, rejectSorted),
  ];
})();

/**
 * Small lookup tables the batch statements join to. Temporary, so they need
 * one connection for the whole load: run inside `db.connection()`.
 */
export async function createLookupTables(db: Kysely<any>, shape: BulkShape): Promise<void> {
  await sql`create temp table bench_orgs (n integer primary key, id integer, path text, name text, reporter_id integer)`.execute(db);
  await sql`create temp table bench_assignees (n integer primary key, id integer, path text)`.execute(db);
  await sql`create temp table bench_titles (n integer primary key, title text, category text, description text)`.execute(db);
  await sql`create temp table bench_histories (state text, dispatched boolean, version integer, seq integer, action text, from_state text, to_state text, data jsonb, comment text, assigned boolean)`.execute(db);
  await db.insertInto('bench_orgs').values(shape.orgs.map((o, n) => ({ n, id: o.id, path: o.path, name: o.name, reporter_id: o.reporterId }))).execute();
  await db.insertInto('bench_assignees').values(shape.assignees.map((a, n) => ({ n, id: a.id, path: a.path }))).execute();
  await db.insertInto('bench_titles').values(titles.map((t, n) => ({ n, ...t }))).execute();
  await db
    .insertInto('bench_histories')
    .values(
      histories.flatMap((h) =>
        h.steps.map(([action, from, to, data, comment], i) => ({
          state: h.state,
          dispatched: h.dispatched,
          version: h.steps.length,
          seq: i + 1,
          action,
          from_state: from,
          to_state: to,
          data: data === null ? null : JSON.stringify(data),
          comment,
          // From the dispatch step on, the ticket is held by the assignee org.
          assigned: h.dispatched && i >= h.steps.findIndex((st) => st[0] === 'dispatch'),
        })),
      ),
    )
    .execute();
}

/** Inserts tickets lo..hi (ids are the series numbers, so events can find them). */
export async function insertTicketBatch(db: Kysely<CoreTables>, shape: BulkShape, lo: number, hi: number): Promise<void> {
  const now = shape.now.toISOString();
  const t0 = new Date(shape.now.getTime() - SPAN_DAYS * 86_400_000).toISOString();
  const stepMs = (SPAN_DAYS * 86_400_000) / shape.total;
  await sql`
    insert into linli_tickets (id, workflow, state, version, org_id, org_path, assignee_org_id, assignee_org_path, assignee_person_id, reporter_id, title, data, deadline, created_at, updated_at, closed_at)
    overriding system value
    select w.g, 'grid-request', w.state,
      -- The length of the ticket's history (see histories): one more when a step ran late.
      case w.state when 'collected' then 1 when 'sorted' then 2 when 'dispatched' then 3
        when 'handled' then case when w.dispatched then 4 else 3 end
        when 'closed' then case when w.dispatched then 5 else 4 end
        else case when w.r5 < 0.5 then 2 else 3 end end + case when w.late then 1 else 0 end,
      o.id, o.path,
      case when w.dispatched then a.id end, case when w.dispatched then a.path end, null, o.reporter_id,
      ti.title, jsonb_build_object('title', ti.title, 'category', ti.category, 'description', ti.description, 'location', o.name),
      w.deadline, w.created_at, w.updated_at, case when not w.open then w.updated_at end
    from (
      select v.*,
        case when v.open then v.deadline < cast(${now} as timestamptz)
             else v.state = 'closed' and v.updated_at - v.created_at > interval '3 days' end as late
      from (
        select u.*,
          case when u.open then u.updated_at + case when u.state in ('collected', 'sorted') then interval '24 hours' else interval '3 days' end end as deadline
        from (
          select t.*,
            t.state = 'dispatched' or (t.state in ('handled', 'closed') and t.r5 < 0.6) as dispatched,
            -- Open: entered its state some time ago. Closed: mostly within days, a fifth of them late.
            case when t.open then t.created_at + (cast(${now} as timestamptz) - t.created_at) * t.r6
                 else least(cast(${now} as timestamptz), t.created_at + interval '2 hours' + power(t.r6, 5) * interval '8 days') end as updated_at
          from (
            select s.*,
              case when s.open then case when s.r4 < 0.15 then 'collected' when s.r4 < 0.40 then 'sorted' when s.r4 < 0.80 then 'dispatched' else 'handled' end
                   else case when s.r4 < 0.05 then 'rejected' else 'closed' end end as state
            from (
              select r.*,
                -- Open with a chance that fades over about five days, plus a stuck tail.
                r.r3 < 0.9 * exp(-extract(epoch from cast(${now} as timestamptz) - r.created_at) / 432000.0) + 0.004 as open
              from (
                select g, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6,
                  cast(${t0} as timestamptz) + (g - 1) * (cast(${stepMs} as float8) * interval '1 millisecond') as created_at
                from generate_series(cast(${lo} as integer), cast(${hi} as integer)) as g
              ) r
            ) s
          ) t
        ) u
      ) v
    ) w
    join bench_orgs o on o.n = floor(w.r1 * ${shape.orgs.length})::integer
    join bench_assignees a on a.n = floor(w.r2 * ${shape.assignees.length})::integer
    join bench_titles ti on ti.n = w.g % ${titles.length}
    order by w.g`.execute(db);
}

/** Appends the history of tickets lo..hi, its steps spread evenly between creation and the last update. */
export async function insertEventBatch(db: Kysely<CoreTables>, shape: BulkShape, lo: number, hi: number): Promise<number> {
  const assigneeCols = shape.eventsHaveAssignee ? sql`, assignee_org_id, assignee_person_id` : sql``;
  const assigneeVals = shape.eventsHaveAssignee ? sql`, case when h.assigned then t.assignee_org_id end, null` : sql``;
  const r = await sql`
    insert into linli_ticket_events (ticket_id, seq, action, from_state, to_state, actor_id, data, comment, created_at${assigneeCols})
    select t.id, h.seq, h.action, h.from_state, h.to_state,
      case when h.seq = 1 then t.reporter_id else ${shape.staffId} end,
      case when h.seq = 1 then t.data else h.data end,
      h.comment,
      case when t.version = 1 then t.created_at else t.created_at + (t.updated_at - t.created_at) * ((h.seq - 1)::float8 / (t.version - 1)) end
      ${assigneeVals}
    from linli_tickets t
    join bench_histories h on h.state = t.state and h.dispatched = (t.assignee_org_id is not null) and h.version = t.version
    where t.id between ${lo} and ${hi}
    order by t.id, h.seq`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
