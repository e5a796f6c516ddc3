import type { SeedContext } from '@linli/sdk';
import { parties, type Party } from './parties.js';
import { seedOffices, type SeedOffice, type SeedProblem } from './seed-data.js';
import { decide } from './service/agenda.js';
import { envOf } from './service/env.js';
import { enterFeeRate } from './service/fees.js';
import { recordAttendance, scheduleMeeting } from './service/meetings.js';
import { agendaOf } from './store/agenda.js';
import { loadOffices, syncOffices, type Office } from './store/offices.js';
import { typed } from './store/tables.js';
import { readSettings } from './settings.js';
import { addDays, addMonths, instant, localDate, localMonth, onOrAfter } from './time.js';

const MINUTE = 60_000;

/**
 * Demo history for the example city: months of weekly meetings, problems
 * raised, decided, carried out and verified, and monthly fee rates, all
 * through the same services and ticket steps as real requests (with the clock
 * moved by `ctx.at`, so every event carries its own date). Compounds or
 * people the city does not have are skipped, so another city gets no story.
 */
export async function seedThreeLinkedOffice(ctx: SeedContext): Promise<void> {
  const settings = readSettings(ctx.options);
  await syncOffices(typed(ctx.db), settings);
  if (!ctx.demo) return;
  const people = new Set((ctx.deployment.config.people ?? []).map((p) => p.username));
  const offices = await loadOffices(typed(ctx.db));
  for (const story of seedOffices) {
    const office = offices.find((o) => o.compound.key === story.compound);
    const cast = [story.convener, story.feeEnteredBy, ...Object.values(story.doers), ...story.problems.map((p) => p.by), ...story.upcoming.map((p) => p.by)];
    if (!office || !cast.every((u) => people.has(u))) continue;
    // Seeds run once per database; should one run again, an office with history keeps it.
    const told = await typed(ctx.db).selectFrom('tlo_meetings').select('id').where('office_id', '=', Number(office.id)).executeTakeFirst();
    if (!told) await tell(ctx, office, story);
  }
}

interface Step {
  when: Date;
  run: () => Promise<void>;
}

async function tell(ctx: SeedContext, office: Office, story: SeedOffice): Promise<void> {
  const offset = ctx.deployment.calendar.utcOffsetHours;
  const start = ctx.now();
  const today = localDate(start, offset);
  const at = (date: string, time: string, plusMinutes = 0) => new Date(instant(date, time, offset).getTime() + plusMinutes * MINUTE);
  const beforeNow = (t: Date) => (t < start ? t : new Date(start.getTime() - 60 * MINUTE));
  const env = () => envOf(ctx, ctx.db);
  const convener = await ctx.actor(story.convener);

  let last = onOrAfter(addDays(today, -7), office.meetingWeekday);
  if (last >= today) last = addDays(last, -7);
  const dates = Array.from({ length: story.meetings }, (_, i) => addDays(last, -7 * (story.meetings - 1 - i)));

  // Follow-up steps wait in time order and run when the story reaches their time; those after today never run.
  const queue: Step[] = [];
  const flush = async (until: Date) => {
    for (;;) {
      queue.sort((a, b) => a.when.getTime() - b.when.getTime());
      const next = queue[0];
      if (!next || next.when > until) return;
      queue.shift();
      await ctx.at(next.when, next.run);
    }
  };
  const step = async (username: string, ticketId: string, action: string, data: Record<string, unknown>) => {
    const actor = await ctx.actor(username);
    const t = await ctx.tickets.get(ctx.db, actor, ticketId);
    await ctx.tickets.transition(ctx.db, actor, ticketId, { action, version: t.version, data });
  };
  const raise = async (p: Pick<SeedProblem, 'by' | 'at' | 'intake'>, when: Date) => {
    const actor = await ctx.actor(p.by);
    const orgId = await ctx.orgId(p.at ?? story.compound);
    return ctx.at(when, async () => (await ctx.tickets.create(ctx.db, actor, { workflow: 'three-linked-office.problem', orgId, data: p.intake })).id);
  };

  const specs = new Map<string, SeedProblem>();
  for (const [i, date] of dates.entries()) {
    const scheduleAt = at(i === 0 ? addDays(date, -6) : addDays(dates[i - 1]!, 1), '09:00');
    await flush(scheduleAt);
    const meeting = await ctx.at(scheduleAt, () => scheduleMeeting(env(), convener, { compoundOrgId: office.compound.id, date, place: office.place ?? '社区党群议事厅' }));
    for (const [k, p] of story.problems.filter((x) => x.before === i).entries()) specs.set(await raise(p, at(addDays(date, -3), '10:00', k * 20)), p);
    await flush(at(date, office.meetingTime));

    const absent = story.absent[i];
    const attendance = Object.fromEntries(parties.map((p) => [p, p === absent ? { present: false } : { present: true, attendees: story.attendees[p] }])) as Record<Party, { present: boolean; attendees?: string }>;
    const leader = office.partyCommittee ? { partyCommittee: { present: true, attendees: story.leader } } : {};
    await ctx.at(at(date, office.meetingTime, 5), () => recordAttendance(env(), convener, String(meeting.id), { ...attendance, ...leader }));
    if (absent) continue;

    // 先急后缓、先易后难: the agenda is in that order; the meeting gets through the first few.
    const agenda = (await agendaOf(typed(ctx.db), [meeting.id], { outcome: 'pending' })).slice(0, story.capacity);
    for (const [k, item] of agenda.entries()) {
      const id = String(item.ticket_id);
      const p = specs.get(id);
      if (!p) continue;
      const deadline = at(addDays(date, p.days), '18:00');
      await ctx.at(at(date, office.meetingTime, 60 + k * 15), () => decide(env(), convener, String(meeting.id), id, { decision: p.decision, responsibleParty: p.party, deadline: deadline.toISOString() }));
      const doer = story.doers[p.party];
      if (p.progress) queue.push({ when: at(addDays(date, Math.floor(p.days / 2)), '10:00'), run: () => step(doer, id, 'progress', { progress: p.progress! }) });
      const done = at(addDays(date, Math.max(1, p.days - 1)), '11:00');
      queue.push({ when: done, run: () => step(doer, id, 'report-done', { result: p.result }) });
      if (p.sentBack) {
        const back = new Date(done.getTime() + 24 * 60 * MINUTE);
        queue.push({ when: back, run: () => step(story.convener, id, 'send-back', { reason: p.sentBack!, deadline: new Date(back.getTime() + 5 * 24 * 60 * MINUTE).toISOString() }) });
        queue.push({ when: new Date(back.getTime() + 3 * 24 * 60 * MINUTE), run: () => step(doer, id, 'report-done', { result: `${p.result}（已按退回意见整改）` }) });
        queue.push({ when: new Date(back.getTime() + 4 * 24 * 60 * MINUTE), run: () => step(story.convener, id, 'verify', { satisfaction: '满意', opinion: '复查合格' }) });
      } else {
        queue.push({ when: new Date(done.getTime() + 24 * 60 * MINUTE), run: () => step(story.convener, id, 'verify', { satisfaction: '满意', opinion: '经居民代表复查，问题已解决' }) });
      }
    }
  }

  for (const [k, p] of story.upcoming.entries()) await raise(p, beforeNow(at(addDays(last, 2), '10:00', k * 20)));
  await flush(start);
  // Next week's meeting, scheduled today: it ends last week's and takes over its open agenda.
  await scheduleMeeting(env(), convener, { compoundOrgId: office.compound.id });

  const feeActor = await ctx.actor(story.feeEnteredBy);
  const thisMonth = localMonth(start, offset);
  for (const [k, rate] of story.feeRates.entries()) {
    if (rate === null) continue;
    const month = addMonths(thisMonth, k - story.feeRates.length);
    const paid = Math.round((rate / 100) * story.households);
    const entered = beforeNow(at(`${addMonths(month, 1)}-02`, '10:00'));
    await ctx.at(entered, () =>
      enterFeeRate(env(), feeActor, { compoundOrgId: office.compound.id, month, rate: Math.round((paid / story.households) * 1000) / 10, paidHouseholds: paid, totalHouseholds: story.households }),
    );
  }
}
