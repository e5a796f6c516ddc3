import { effectiveCity } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from './schemas.js';

/**
 * The city as it runs (overrides applied), read-only, for the implementers'
 * page of the web app: what `linli check --print-effective` prints, without
 * the people (names and phone numbers are not an implementer's concern here).
 */
export async function effectiveConfigRoutes(app: FastifyInstance): Promise<void> {
  const { deployment } = app.linli;
  app.get(
    '/api/admin/effective-config',
    { config: { policy: 'admin' }, schema: { tags: ['workflows'], summary: 'The effective city config: overrides applied, every form and workflow with its source', response: errorResponses } },
    async () => {
      const { people: _people, ...city } = effectiveCity(deployment);
      return { ...city, warnings: deployment.warnings.map(({ path, message, expected }) => ({ path, message, expected })) };
    },
  );
}
