import { requireActor, type PluginApp, type PluginContext } from '@linli/sdk';
import { reading } from '../service/env.js';
import { voteForReader } from '../service/votes.js';
import { voteView } from '../service/views.js';
import { doc, errors, idParams } from './schemas.js';

const summaryItem = {
  type: 'object',
  properties: { id: { type: 'string' }, title: { type: 'string' }, scopeName: { type: 'string' }, matterTitle: { type: 'string' }, ruleTitle: { type: 'string' }, closesAt: { type: 'string' }, seats: { type: 'string' } },
  required: ['id', 'title', 'scopeName', 'matterTitle', 'ruleTitle', 'closesAt', 'seats'],
  additionalProperties: false,
} as const;

/**
 * What a vote asks, for the ballot page: the question, where, the matter and
 * the rule it is counted by, until when. The same readers as its count:
 * staff over its scope and the owners whose units take part.
 */
export function voteSummaryRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Params: { id: string } }>(
    '/votes/:id/summary',
    { config: { policy: 'authenticated' }, schema: { ...doc('What a vote asks (question, scope, matter, rule, closing time), shown above the ballot'), params: idParams, response: { 200: summaryItem, ...errors } } },
    async (req) => {
      const env = reading(ctx);
      const vote = await voteForReader(env, requireActor(req), req.params.id);
      const v = voteView(vote, undefined);
      return { id: v.id, title: v.title, scopeName: v.scopeName, matterTitle: v.matterTitle, ruleTitle: v.ruleTitle, closesAt: v.closesAt, seats: vote.seats === null ? '' : `${vote.seats}名（最多勾选${vote.seats}名）` };
    },
  );
}
