import { requireActor, type Actor, type PluginApp, type PluginContext } from '@linli/sdk';
import {
  confirmSchema,
  noShowSchema,
  proposeSchema,
  recordSchema,
  slotChangeSchema,
  slotFormSchema,
  studioSchema,
  type ConfirmInput,
  type NoShowInput,
  type ProposeInput,
  type RecordInput,
  type SlotChangeInput,
  type SlotInput,
  type StudioInput,
} from '../forms/staff.js';
import { confirm, noShow, propose, record } from '../service/bookings.js';
import { reading, writing, type Env } from '../service/env.js';
import { addSlot, changeSlot, createStudio } from '../service/studios.js';
import { staffBookingView, studioView } from '../service/views.js';
import { listBookings, noShowCounts, type BookingRow } from '../store/bookings.js';
import type { BookingStatus } from '../store/tables.js';
import { DAY, weekdayNames } from '../time.js';
import { studiosInScope } from './scope.js';
import { bookingsQuery, doc, errors, idParams, items, slotItem, slotsQuery, staffBookingItem, studioItem, writeErrors } from './schemas.js';

async function staffViews(env: Env, rows: BookingRow[]) {
  const missed = await noShowCounts(env.db, rows.map((r) => r.personId), new Date(env.now.getTime() - 90 * DAY));
  return rows.map((r) => staffBookingView(r, missed.get(r.personId) ?? 0));
}

/** What the studio's staff do: the bookings of their studios, confirm, propose another time, record, mark no-shows; the secretary's settings. */
export function staffRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { orgId?: string; studioId?: string; status?: BookingStatus; limit: number } }>(
    '/bookings',
    { config: { policy: 'authenticated' }, schema: { ...doc('Bookings of the studios I oversee, coming ones first'), querystring: bookingsQuery, response: { 200: items(staffBookingItem), ...errors } } },
    async (req) => {
      const env = reading(ctx);
      const studios = await studiosInScope(env, requireActor(req), { ...req.query, staff: true });
      if (!studios.length) return { items: [] };
      const rows = await listBookings(env.db, { paths: [...new Set(studios.map((s) => s.communityPath))], limit: req.query.limit, ...(req.query.status ? { statuses: [req.query.status] } : {}) }, env.now);
      const ids = new Set(studios.map((s) => s.id));
      return { items: await staffViews(env, rows.filter((r) => ids.has(r.studioId))) };
    },
  );

  type Step<B> = (env: Env, actor: Actor, id: string, body: B) => Promise<BookingRow>;
  const step = <B>(path: string, summary: string, body: Record<string, unknown>, fn: Step<B>) =>
    app.post<{ Params: { id: string }; Body: B }>(
      path,
      { config: { policy: 'authenticated' }, schema: { ...doc(summary), params: idParams, body, response: { 200: staffBookingItem, ...writeErrors } } },
      async (req) => {
        const actor = requireActor(req);
        return writing(ctx, async (env) => (await staffViews(env, [await fn(env, actor, req.params.id, req.body as B)]))[0]!);
      },
    );
  step<ConfirmInput>('/bookings/:id/confirm', 'Confirm a booking (the resident is told, and reminded the day before)', confirmSchema, confirm);
  step<ProposeInput>('/bookings/:id/propose', 'Propose another time; the resident accepts or declines', proposeSchema, propose);
  step<RecordInput>('/bookings/:id/record', 'Record the meeting; a follow-up problem files a ticket', recordSchema, record);
  step<NoShowInput>('/bookings/:id/no-show', 'Mark a confirmed appointment the resident did not come to', noShowSchema, noShow);

  app.post<{ Body: StudioInput }>(
    '/studios',
    { config: { policy: 'authenticated' }, schema: { ...doc('Set up a studio in my community with its first weekly slot (community secretary)'), body: studioSchema, response: { 201: studioItem, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      return reply.status(201).send(studioView(await writing(ctx, (env) => createStudio(env, actor, req.body)), undefined));
    },
  );

  app.get<{ Querystring: { studioId?: string; orgId?: string } }>(
    '/slots',
    { config: { policy: 'authenticated' }, schema: { ...doc('Weekly slots of the studios I oversee'), querystring: slotsQuery, response: { 200: items(slotItem), ...errors } } },
    async (req) => {
      const env = reading(ctx);
      const studios = await studiosInScope(env, requireActor(req), { ...req.query, staff: true });
      return {
        items: studios.flatMap((s) =>
          s.slots.map((slot) => ({ id: String(slot.id), studioId: String(s.id), studioName: s.name, communityName: s.communityName, weekday: weekdayNames[slot.weekday]!, time: `${slot.start}–${slot.end}`, capacity: slot.capacity })),
        ),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: SlotInput }>(
    '/studios/:id/slots',
    { config: { policy: 'authenticated' }, schema: { ...doc('Add a weekly slot to a studio (community secretary)'), params: idParams, body: slotFormSchema, response: { 201: studioItem, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      return reply.status(201).send(studioView(await writing(ctx, (env) => addSlot(env, actor, req.params.id, req.body)), undefined));
    },
  );

  app.post<{ Params: { id: string }; Body: SlotChangeInput }>(
    '/slots/:id',
    { config: { policy: 'authenticated' }, schema: { ...doc("Change a slot's capacity or take it out of service (community secretary)"), params: idParams, body: slotChangeSchema, response: { 200: studioItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return studioView(await writing(ctx, (env) => changeSlot(env, actor, req.params.id, req.body)), undefined);
    },
  );
}
