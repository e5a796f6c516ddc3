import { isAdminFor, isWithin, LinliError, notFound, subtreePattern, type LocalizedText } from '@linli/core';
import { audit, getOrg, toOrg, type Org } from '@linli/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { announceAuthChange } from '../auth/sessions.js';
import { assertAdminFor, requireActor } from '../policy.js';
import { moveOrgSubtree, orgPathColumns } from '../services/org-move.js';
import { orgInUse } from '../services/org-in-use.js';
import { errorResponses, idParam } from './schemas.js';

const orgAnswer = { 200: { $ref: 'Org#' }, ...errorResponses, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } } as const;

/** A reason in both languages, for the messages of LINLI_ERR_ORG_MOVE. */
const why = (zh: string, en: string): Required<LocalizedText> => ({ 'zh-CN': zh, en });

/**
 * The org tree as its administrators change it, within the subtrees they
 * administer: list it, rename an org, move it under another parent (its
 * subtree and the scope of its tickets move along, as the spreadsheet import
 * moves them), deactivate it when nothing active depends on it, re-activate
 * it. Adding an org is `POST /api/orgs`. Each change is audited (`org.*`).
 */
export async function adminOrgRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  // Plugin tables that copy org paths move with the org (checked here, at start).
  const pathColumns = orgPathColumns(linli.deployment);

  /** An org the caller administers, or 404: orgs outside their subtrees are not theirs to change. */
  async function administered(req: FastifyRequest<{ Params: { id: string } }>) {
    const actor = requireActor(req);
    const org = await getOrg(linli.db, req.params.id);
    if (!org || !isAdminFor(actor, org.path)) throw notFound(`Organization ${req.params.id}`);
    return { actor, org };
  }

  app.get(
    '/api/admin/orgs',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'The orgs in the subtrees I administer, deactivated ones included, in tree order',
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'Org#' } } }, required: ['items'] }, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const roots = actor.grants.filter((g) => g.admin).map((g) => g.orgPath);
      const rows = await linli.db
        .selectFrom('linli_orgs')
        .selectAll()
        .where((eb) => eb.or(roots.map((p) => eb('path', 'like', subtreePattern(p)))))
        .orderBy('path')
        .execute();
      return { items: rows.map(toOrg) };
    },
  );

  app.patch<{ Params: { id: string }; Body: { name: string; nameEn?: string | null } }>(
    '/api/admin/orgs/:id',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Rename an org (its key, which the spreadsheet import matches by, stays)',
        params: idParam,
        body: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' }, nameEn: { type: ['string', 'null'], maxLength: 200 } },
          required: ['name'],
          additionalProperties: false,
        },
        response: orgAnswer,
      },
    },
    async (req) => {
      const { actor, org } = await administered(req);
      const name = req.body.name.trim();
      const nameEn = req.body.nameEn === undefined ? org.nameEn : req.body.nameEn?.trim() || null;
      if (name === org.name && nameEn === org.nameEn) return org;
      return linli.db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('linli_orgs').set({ name, name_en: nameEn }).where('id', '=', Number(org.id)).returningAll().executeTakeFirstOrThrow();
        await audit(trx, { actorId: actor.personId, action: 'org.rename', subjectType: 'org', subjectId: org.id, before: { name: org.name, nameEn: org.nameEn }, after: { name, nameEn }, requestId: req.id });
        return toOrg(row);
      });
    },
  );

  app.post<{ Params: { id: string }; Body: { parentId: string } }>(
    '/api/admin/orgs/:id/move',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Move an org, with its subtree, under another parent within my subtrees: the scope of its tickets moves too (people of the old parent no longer see them, of the new one do), and grids based outside the new place stop covering it',
        params: idParam,
        body: { type: 'object', properties: { parentId: { type: 'string', maxLength: 20 } }, required: ['parentId'], additionalProperties: false },
        response: {
          ...orgAnswer,
          200: {
            type: 'object',
            properties: { org: { $ref: 'Org#' }, ticketsMoved: { type: 'integer' }, gridsLeft: { type: 'array', items: { type: 'string' }, description: 'Grids of the old place that no longer cover the moved orgs' } },
            required: ['org', 'ticketsMoved', 'gridsLeft'],
          },
        },
      },
    },
    async (req) => {
      const { actor, org } = await administered(req);
      const parent = await getOrg(linli.db, req.body.parentId);
      if (!parent) throw new LinliError('LINLI_ERR_UNPROCESSABLE', [`There is no organization ${req.body.parentId}.`], [{ path: '/body/parentId', message: 'unknown organization' }]);
      assertAdminFor(actor, parent.path, parent.name);
      const refusal = moveRefusal(org, parent);
      if (refusal) throw new LinliError('LINLI_ERR_ORG_MOVE', [org.name, parent.name, refusal], [{ path: '/body/parentId', message: refusal.en, localized: refusal }]);
      if (org.parentId === parent.id) return { org, ticketsMoved: 0, gridsLeft: [] };
      const result = await linli.db.transaction().execute(async (trx) => {
        // Locked, and read again: a concurrent move of an ancestor may have changed the paths.
        const now = await trx.selectFrom('linli_orgs').select(['id', 'path', 'depth']).where('id', '=', Number(org.id)).forUpdate().executeTakeFirstOrThrow();
        const to = await trx.selectFrom('linli_orgs').select(['id', 'path', 'depth']).where('id', '=', Number(parent.id)).forUpdate().executeTakeFirstOrThrow();
        if (isWithin(to.path, now.path)) throw new LinliError('LINLI_ERR_ORG_MOVE', [org.name, parent.name, underItself], [{ path: '/body/parentId', message: underItself.en, localized: underItself }]);
        const ticketsMoved = await moveOrgSubtree(trx, now, to, pathColumns);
        const moved = toOrg(await trx.selectFrom('linli_orgs').selectAll().where('id', '=', now.id).executeTakeFirstOrThrow());
        // A grid covers only what lies under its own org: a compound moved to another community leaves its old grids.
        const left = await trx
          .selectFrom('linli_grid_orgs as go')
          .innerJoin('linli_grids as g', 'g.id', 'go.grid_id')
          .innerJoin('linli_orgs as home', 'home.id', 'g.org_id')
          .innerJoin('linli_orgs as c', 'c.id', 'go.org_id')
          .select(['go.grid_id', 'go.org_id', 'g.name'])
          .where('c.path', 'like', subtreePattern(moved.path))
          .where(sql<boolean>`c.path not like home.path || '%'`)
          .execute();
        for (const l of left) await trx.deleteFrom('linli_grid_orgs').where('grid_id', '=', l.grid_id).where('org_id', '=', l.org_id).execute();
        const gridsLeft = [...new Set(left.map((l) => l.name))];
        await audit(trx, {
          actorId: actor.personId,
          action: 'org.move',
          subjectType: 'org',
          subjectId: org.id,
          before: { parentId: org.parentId, path: org.path },
          after: { parentId: parent.id, path: moved.path, ticketsMoved, gridsLeft },
          requestId: req.id,
        });
        // Roles held in the subtree now reach other paths: every instance reloads its sessions' grants.
        await announceAuthChange(trx, { kind: 'all' });
        return { org: moved, ticketsMoved, gridsLeft };
      });
      linli.sessions.apply({ kind: 'all' });
      return result;
    },
  );

  /** Why `org` may not hang under `parent` (null: it may). The config's org types say which level holds which. */
  function moveRefusal(org: Org, parent: Org): Required<LocalizedText> | null {
    if (org.parentId === null) return why('市（根组织）没有上级', "the city's root has no parent");
    if (isWithin(parent.path, org.path)) return underItself;
    if (parent.deactivated) return why('新的上级已停用', 'the new parent is deactivated');
    if (org.kind === 'side') return parent.kind === 'level' ? null : why('附属组织只能挂在层级组织下', 'a side organization hangs under a level of the tree');
    const type = linli.deployment.orgTypes.find((t) => t.id === org.type);
    const parentType = linli.deployment.orgTypes.find((t) => t.id === parent.type);
    if (type && !(type.parents ?? []).includes(parent.type)) {
      const allowed = (type.parents ?? []).map((p) => linli.deployment.orgTypes.find((t) => t.id === p)?.title ?? { 'zh-CN': p, en: p });
      return why(
        `${type.title['zh-CN']}只能放在${allowed.map((t) => t['zh-CN']).join('、') || '（无）'}下，不能放在${parentType?.title['zh-CN'] ?? parent.type}下`,
        `a ${type.title.en ?? org.type} goes under a ${allowed.map((t) => t.en ?? '').join(' or ') || '(none)'}, not a ${parentType?.title.en ?? parent.type}`,
      );
    }
    return null;
  }

  for (const action of ['deactivate', 'reactivate'] as const) {
    app.post<{ Params: { id: string } }>(
      `/api/admin/orgs/:id/${action}`,
      {
        config: { policy: 'admin' },
        schema: {
          tags: ['admin'],
          summary:
            action === 'deactivate'
              ? 'Deactivate (停用) an org: refused while active orgs lie under it, people hold roles at it, or a grid is based at or covers it (LINLI_ERR_ORG_IN_USE); its tickets stay visible above it'
              : 'Re-activate a deactivated org (its parent must be active: LINLI_ERR_ORG_PARENT_DEACTIVATED)',
          params: idParam,
          response: orgAnswer,
        },
      },
      async (req) => {
        const { actor, org } = await administered(req);
        if ((action === 'deactivate') === org.deactivated) return org;
        return linli.db.transaction().execute(async (trx) => {
          await trx.selectFrom('linli_orgs').select('id').where('id', '=', Number(org.id)).forUpdate().executeTakeFirstOrThrow();
          if (action === 'deactivate') {
            if (org.parentId === null) throw new LinliError('LINLI_ERR_ORG_IN_USE', [org.name, why('它是整个市的根组织', "it is the city's root")]);
            const inUse = await orgInUse(trx, Number(org.id));
            if (inUse) throw new LinliError('LINLI_ERR_ORG_IN_USE', [org.name, inUse]);
          } else if (org.parentId !== null) {
            const parent = await trx.selectFrom('linli_orgs').select(['name', 'deactivated_at']).where('id', '=', Number(org.parentId)).executeTakeFirstOrThrow();
            if (parent.deactivated_at) throw new LinliError('LINLI_ERR_ORG_PARENT_DEACTIVATED', [parent.name]);
          }
          const row = await trx
            .updateTable('linli_orgs')
            .set({ deactivated_at: action === 'deactivate' ? linli.now() : null })
            .where('id', '=', Number(org.id))
            .returningAll()
            .executeTakeFirstOrThrow();
          await audit(trx, { actorId: actor.personId, action: `org.${action}`, subjectType: 'org', subjectId: org.id, before: { deactivated: org.deactivated }, after: { deactivated: !org.deactivated }, requestId: req.id });
          return toOrg(row);
        });
      },
    );
  }
}

const underItself = why('不能移到它自己或它的下级组织下', 'it would hang under itself or one of its own');
