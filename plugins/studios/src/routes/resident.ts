import { personIdOf, requireActor, type Actor, type PluginApp, type PluginContext } from '@linli/sdk';
import { answerSchema, bookSchema, cancelSchema, rateSchema, type AnswerInput, type BookInput, type CancelInput, type RateInput } from '../forms/resident.js';
import { answer, book, cancel, rate } from '../service/bookings.js';
import { reading, writing, type Env } from '../service/env.js';
import { openings } from '../service/sessions.js';
import { myBookingView, openingView, studioView } from '../service/views.js';
import { listBookings, type BookingRow } from '../store/bookings.js';
import { studiosInScope } from './scope.js';
import { doc, errors, idParams, items, myBookingItem, myBookingsQuery, openingItem, openingsQuery, studioItem, studiosQuery, writeErrors } from './schemas.js';

/** What a resident does: see their community's studios and open times, book, answer a proposed time, cancel, rate. */
export function residentRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { orgId?: string } }>(
    '/studios',
    { config: { policy: 'authenticated' }, schema: { ...doc("Studios I may see: my community's as a resident, my scope's as staff"), querystring: studiosQuery, response: { 200: items(studioItem), ...errors } } },
    async (req) => {
      const env = reading(ctx);
      const studios = await studiosInScope(env, requireActor(req), { orgId: req.query.orgId });
      const open = await openings(env, studios);
      return { items: studios.map((s) => studioView(s, open.find((o) => o.studioId === s.id && o.left > 0))) };
    },
  );

  app.get<{ Querystring: { studioId?: string } }>(
    '/openings',
    { config: { policy: 'authenticated' }, schema: { ...doc('Times that may be booked, soonest first, with the places left'), querystring: openingsQuery, response: { 200: items(openingItem), ...errors } } },
    async (req) => {
      const env = reading(ctx);
      const studios = await studiosInScope(env, requireActor(req), { studioId: req.query.studioId });
      return { items: (await openings(env, studios)).map(openingView) };
    },
  );

  app.post<{ Body: BookInput }>(
    '/bookings',
    {
      config: { policy: 'authenticated' },
      schema: { ...doc('Book a time (409 STU_ERR_FULL when the last place was just taken by someone else)'), body: bookSchema, response: { 201: myBookingItem, ...writeErrors } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      return reply.status(201).send(myBookingView(await writing(ctx, (env) => book(env, actor, req.body))));
    },
  );

  app.get<{ Querystring: { limit: number } }>(
    '/my-bookings',
    { config: { policy: 'authenticated' }, schema: { ...doc('My own bookings, coming ones first'), querystring: myBookingsQuery, response: { 200: items(myBookingItem), ...errors } } },
    async (req) => {
      const env = reading(ctx);
      return { items: (await listBookings(env.db, { personId: personIdOf(requireActor(req)), limit: req.query.limit }, env.now)).map(myBookingView) };
    },
  );

  type Step<B> = (env: Env, actor: Actor, id: string, body: B) => Promise<BookingRow>;
  const step = <B>(path: string, summary: string, body: Record<string, unknown>, fn: Step<B>) =>
    app.post<{ Params: { id: string }; Body: B }>(
      path,
      { config: { policy: 'authenticated' }, schema: { ...doc(summary), params: idParams, body, response: { 200: myBookingItem, ...writeErrors } } },
      async (req) => {
        const actor = requireActor(req);
        return myBookingView(await writing(ctx, (env) => fn(env, actor, req.params.id, req.body as B)));
      },
    );
  step<AnswerInput>('/bookings/:id/answer', 'Accept or decline the time the studio proposed (my own booking)', answerSchema, answer);
  step<CancelInput>('/bookings/:id/cancel', 'Cancel my booking before it begins', cancelSchema, cancel);
  step<RateInput>('/bookings/:id/rate', 'Rate a meeting that was held, once (my own booking)', rateSchema, rate);
}
