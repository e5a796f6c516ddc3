import { definitionIdSchema, notFound } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from './schemas.js';

/** A workflow or form id in the URL: the id rule of core, so every id a config or plugin declares is accepted. */
const definitionIdParam = { type: 'object', properties: { id: definitionIdSchema }, required: ['id'] } as const;

/** Workflows, forms and roles of the deployment: what the web app renders forms and diagrams from. */
export async function metaRoutes(app: FastifyInstance): Promise<void> {
  const { deployment } = app.linli;
  const list = () => deployment.workflows.list().map((w) => ({ ...w.def, source: w.source }));

  app.get('/api/workflows', { config: { policy: 'authenticated' }, schema: { tags: ['workflows'], summary: 'Every configured workflow', response: errorResponses } }, async () => ({ items: list() }));

  app.get<{ Params: { id: string } }>(
    '/api/workflows/:id',
    { config: { policy: 'authenticated' }, schema: { tags: ['workflows'], summary: 'A workflow: states, transitions and who may take them', params: definitionIdParam, response: errorResponses } },
    async (req) => {
      const wf = deployment.workflows.get(req.params.id);
      if (!wf) throw notFound(`Workflow ${req.params.id}`);
      return { ...wf.def, source: wf.source };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/forms/:id',
    { config: { policy: 'authenticated' }, schema: { tags: ['workflows'], summary: 'A form: JSON Schema + uiSchema + translations', params: definitionIdParam, response: errorResponses } },
    async (req) => {
      const form = deployment.forms.get(req.params.id);
      if (!form) throw notFound(`Form ${req.params.id}`);
      return { id: form.id, title: form.title, schema: form.schema, uiSchema: form.uiSchema ?? {}, translations: form.translations ?? {} };
    },
  );

  app.get('/api/roles', { config: { policy: 'authenticated' }, schema: { tags: ['workflows'], summary: 'Roles and org types of the deployment', response: errorResponses } }, async () => ({
    roles: [...deployment.roles.values()],
    orgTypes: deployment.orgTypes,
  }));
}
