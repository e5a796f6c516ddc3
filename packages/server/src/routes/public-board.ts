import { monthlyTicketFigures } from '@linli/db';
import type { LinliPlugin, PublicDataSource, PublicPage, PublicView } from '@linli/sdk';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { maskPublic } from '../public/mask.js';
import { publicCommunities, publicPlace } from '../public/place.js';
import { pct } from '../services/satisfaction-report.js';
import { errorResponses } from './schemas.js';

/**
 * The public notice board 公示栏 and the JSON behind it, without login. The
 * core contributes its own figures (tickets filed and closed, and residents'
 * satisfaction, per month); each
 * enabled plugin contributes its declared `publicData` and `web.publicPages`
 * (sdk public.ts) — the server names no plugin. Every answer is read in a
 * READ ONLY transaction with no actor, serialized through the declared schema
 * (undeclared fields never leave) and masked (public/mask.ts).
 */
const placeQuery = {
  type: 'object',
  properties: { orgId: { type: 'string', maxLength: 20, description: 'A community (or another org of the tree); default: the whole city' } },
  additionalProperties: false,
} as const;
type PlaceQuery = { Querystring: { orgId?: string } };

const localized = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, additionalProperties: false } as const;
const placeSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } },
  required: ['id', 'name', 'type'],
  additionalProperties: false,
} as const;

const boardResponse = {
  type: 'object',
  properties: {
    city: localized,
    place: placeSchema,
    communities: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'], additionalProperties: false } },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', description: '`core.<page>` or `<plugin>.<page>`' },
          title: localized,
          source: { type: 'string', description: 'The public JSON behind the section (GET, answers `{ items }`)' },
          heading: { type: 'string' },
          fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, title: localized, format: { type: 'string' } }, required: ['field', 'title'], additionalProperties: false } },
          empty: localized,
        },
        required: ['id', 'title', 'source', 'heading', 'fields'],
        additionalProperties: false,
      },
    },
  },
  required: ['city', 'place', 'communities', 'sections'],
  additionalProperties: false,
} as const;

/**
 * The core's own public data: tickets filed and closed per month over the
 * last year, and "成效群众判" — the residents' ratings of those closed, from
 * the tickets' own ratings (1–5), satisfied meaning 4 or 5: the same figures
 * and the same definition as the dashboards' satisfaction rate.
 */
const monthlySource: PublicDataSource = {
  id: 'monthly',
  title: { 'zh-CN': '诉求办理情况与群众满意度', en: 'Requests filed and closed, and residents’ satisfaction' },
  item: {
    type: 'object',
    properties: {
      month: { type: 'string', description: 'YYYY-MM, local time' },
      filed: { type: 'integer' },
      closed: { type: 'integer' },
      rated: { type: 'integer', description: 'Closed that month with the resident’s rating (1–5)' },
      satisfied: { type: 'integer', description: 'Rated 4 or 5' },
      satisfactionPct: { type: ['number', 'null'], description: 'satisfied / rated × 100, one decimal; null when none rated' },
    },
    required: ['month', 'filed', 'closed', 'rated', 'satisfied', 'satisfactionPct'],
    additionalProperties: false,
  },
  async load(view) {
    const since = new Date(view.now().getTime() - 366 * 86_400_000);
    const months = await monthlyTicketFigures(view.db, view.place.path, since, view.deployment.calendar.utcOffsetHours);
    return months.map((m) => ({ ...m, satisfactionPct: pct(m.satisfied, m.rated) }));
  },
};
const monthlyPage: PublicPage = {
  id: 'monthly',
  title: { 'zh-CN': '诉求办理与成效群众判（按月）', en: 'Requests and satisfaction by month' },
  source: 'monthly',
  heading: 'month',
  fields: [
    { field: 'filed', title: { 'zh-CN': '受理', en: 'Filed' }, format: 'number' },
    { field: 'closed', title: { 'zh-CN': '办结', en: 'Closed' }, format: 'number' },
    { field: 'rated', title: { 'zh-CN': '群众评价', en: 'Rated' }, format: 'number' },
    { field: 'satisfactionPct', title: { 'zh-CN': '满意率', en: 'Satisfied' }, format: 'percent' },
  ],
  order: 0,
  empty: { 'zh-CN': '近一年暂无诉求', en: 'No requests in the last year' },
};

const listLimit = 100;
/** How long an instance reuses a public answer: the board is read by many and changes by the hour, so one database read serves a minute of visitors. */
const cacheMs = 60_000;

export async function publicBoardRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  const owners: { prefix: string; name: string; plugin: LinliPlugin | null; sources: PublicDataSource[]; pages: PublicPage[] }[] = [
    { prefix: '/api/public/tickets', name: 'core', plugin: null, sources: [monthlySource], pages: [monthlyPage] },
    ...linli.plugins
      .filter((p) => p.publicData?.length)
      .map((p) => ({ prefix: `/api/public/plugins/${p.name}`, name: p.name, plugin: p, sources: p.publicData ?? [], pages: p.web?.publicPages ?? [] })),
  ];

  // Bounded by the org tree: one entry per place and source.
  const cache = new Map<string, { at: number; value: Promise<{ items: Record<string, unknown>[] }> }>();
  function cached(key: string, read: () => Promise<{ items: Record<string, unknown>[] }>) {
    const now = linli.now().getTime();
    const hit = cache.get(key);
    if (hit && now - hit.at < cacheMs && now >= hit.at) return hit.value;
    const value = read();
    cache.set(key, { at: now, value });
    // A failed read is not remembered.
    value.catch(() => cache.delete(key));
    return value;
  }

  /** Runs a loader with no actor in a read-only transaction, then masks what it read. */
  async function readPublic(source: PublicDataSource, plugin: LinliPlugin | null, orgId: string | undefined) {
    const items = await linli.db.transaction().execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      const view: PublicView = {
        db: trx as Kysely<any>,
        deployment: linli.deployment,
        options: plugin ? ((linli.deployment.config.plugins?.[plugin.name] ?? {}) as Record<string, unknown>) : {},
        now: linli.now,
        place: await publicPlace(trx, orgId),
      };
      return source.load(view, listLimit);
    });
    return { items: await maskPublic(linli.db, items.slice(0, listLimit)) };
  }

  const cacheable = (reply: FastifyReply) => reply.header('cache-control', 'public, max-age=60');

  for (const owner of owners) {
    for (const source of owner.sources) {
      app.get<PlaceQuery>(
        `${owner.prefix}/${source.id}`,
        {
          config: { policy: 'public' },
          schema: {
            tags: ['public'],
            summary: `${source.title['zh-CN']} — ${source.title.en ?? source.id}`,
            ...(source.description ? { description: source.description['zh-CN'] } : {}),
            security: [],
            querystring: placeQuery,
            response: { 200: { type: 'object', properties: { items: { type: 'array', items: source.item } }, required: ['items'], additionalProperties: false }, ...errorResponses },
          },
        },
        async (req, reply) => {
          cacheable(reply);
          return cached(`${owner.prefix}/${source.id}?${req.query.orgId ?? ''}`, () => readPublic(source, owner.plugin, req.query.orgId));
        },
      );
    }
  }

  app.get<PlaceQuery>(
    '/api/public/board',
    {
      config: { policy: 'public' },
      schema: { tags: ['public'], summary: 'The notice board of the city or a community: its sections and the public JSON behind each', security: [], querystring: placeQuery, response: { 200: boardResponse, ...errorResponses } },
    },
    async (req, reply) => {
      const place = await publicPlace(linli.db, req.query.orgId);
      const query = req.query.orgId === undefined ? '' : `?orgId=${encodeURIComponent(place.id)}`;
      const sections = owners
        .flatMap((o) => o.pages.map((page) => ({ o, page })))
        .sort((a, b) => (a.page.order ?? 50) - (b.page.order ?? 50))
        .map(({ o, page }) => ({
          id: `${o.name}.${page.id}`,
          title: page.title,
          source: `${o.prefix}/${page.source}${query}`,
          heading: page.heading,
          fields: page.fields,
          ...(page.empty ? { empty: page.empty } : {}),
        }));
      cacheable(reply);
      return { city: linli.deployment.config.title, place, communities: await publicCommunities(linli.db), sections };
    },
  );
}
