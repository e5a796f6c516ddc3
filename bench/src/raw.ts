import type { Deployment } from '@linli/core';
import type { Fixtures, WorkTicket } from './fixtures.js';
import type { RawSession, BenchTarget } from './target.js';
import type { RawStatements } from './raw-statements.js';
import { deadlineJobs, intake, nextStep, orgFor, type JobRow } from './work.js';

async function enqueue(s: RawSession, st: RawStatements, jobs: JobRow[], now: Date): Promise<void> {
  if (!st.enqueueJobs || jobs.length === 0) return;
  const p = st.enqueueJobs(jobs.length);
  const values: Record<string, unknown> = { now };
  jobs.forEach((j, i) => Object.assign(values, { [`kind${i}`]: j.kind, [`key${i}`]: j.key, [`payload${i}`]: JSON.stringify(j.payload), [`runAt${i}`]: j.runAt, [`maxAttempts${i}`]: 5 }));
  await s.query(p.sql, p.bind(values));
}

/**
 * The raw limit: the statements the server's create and transition run, in a
 * transaction, through the driver, with nothing in front of them.
 */
export function rawCreate(target: BenchTarget, st: RawStatements, fx: Fixtures, deployment: Deployment) {
  let n = 0;
  return async () => {
    const i = n++;
    const org = orgFor(fx, i);
    const data = JSON.stringify(intake(i));
    const now = new Date();
    const deadline = new Date(now.getTime() + 86_400_000);
    await target.transaction(async (s) => {
      const found = (await s.query(st.getOrg.sql, st.getOrg.bind({ id: org.id })))[0];
      if (!found) throw new Error(`org ${org.id} is gone`);
      // The ticket and its first event in one statement, as insertTicket sends them.
      const row = (
        await s.query(
          st.insertTicket.sql,
          st.insertTicket.bind({ workflow: 'grid-request', state: 'collected', orgId: org.id, orgPath: found.path, reporterId: fx.personId.writer, title: `路灯不亮 #${i}`, data, deadline, now, eventData: data, seq: 1, action: 'create', fromState: null, toState: 'collected', actorId: fx.personId.writer, comment: null, visibility: 'public' }),
        )
      )[0]!;
      await enqueue(s, st, deadlineJobs(deployment, { id: Number(row.id), workflow: 'grid-request', state: 'collected', deadline }, now), now);
    });
  };
}

export function rawTransition(target: BenchTarget, st: RawStatements, fx: Fixtures, deployment: Deployment, hands: WorkTicket[][]) {
  const turn = hands.map(() => 0);
  return async (w: number) => {
    const hand = hands[w]!;
    const t = hand[turn[w]!++ % hand.length]!;
    const step = nextStep(t);
    const now = new Date();
    const deadline = new Date(now.getTime() + step.limitHours * 3_600_000);
    await target.transaction(async (s) => {
      const locked = (await s.query(st.lockTicket.sql, st.lockTicket.bind({ id: t.id })))[0];
      if (!locked) throw new Error(`ticket ${t.id} is gone`);
      // The versioned update, its event and its deadline jobs in one statement, as applyChange sends them.
      const jobs = deadlineJobs(deployment, { id: t.id, workflow: 'grid-request', state: step.to, deadline }, now);
      const ev = st.applyChange(step.data !== undefined, jobs.length);
      const jobValues: Record<string, unknown> = {};
      jobs.forEach((j, i) => Object.assign(jobValues, { [`kind${i}`]: j.kind, [`key${i}`]: j.key, [`payload${i}`]: JSON.stringify(j.payload), [`runAt${i}`]: j.runAt, [`maxAttempts${i}`]: 5 }));
      const row = (
        await s.query(
          ev.sql,
          ev.bind({
            ...jobValues,
            state: step.to,
            deadline,
            closedAt: null,
            now,
            id: t.id,
            version: t.version,
            data: step.data ? JSON.stringify(step.data) : null,
            seq: t.version + 1,
            action: step.action,
            fromState: t.state,
            toState: step.to,
            actorId: fx.personId.writer,
            comment: step.comment ?? null,
            // As the workflow declares: the grid's answer is public, its rework note internal.
            visibility: step.action === 'solve-in-grid' ? 'public' : 'internal',
          }),
        )
      )[0];
      if (!row) throw new Error(`version conflict on ticket ${t.id}`);
    });
    t.version++;
    t.state = step.to;
  };
}
