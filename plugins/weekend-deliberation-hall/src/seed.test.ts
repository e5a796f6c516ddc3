import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, start } from './test-support.js';

/** The demo history `npm start` shows, told through the same services and ticket steps as real requests. */
for (const backend of testBackends()) {
  describe(`weekend deliberation hall demo data on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend, { demoData: true });
    });
    afterAll(() => server?.close());

    it('seeds a season of weekend sessions with topics at every step', async () => {
      const secretary = await server.login('secretary.yongfu');
      const rows = (await secretary.get(`${api}/indicators`)).body.items as Record<string, unknown>[];
      expect(rows.find((r) => r.name === '河畔家园')).toMatchObject({ sessionsHeld: 8, topicsRaised: 7, topicsDeclined: 1, consultations: 4, problemsSolved: 3 });
      expect(rows.find((r) => r.name === '永福社区')).toMatchObject({ level: 'community', halls: 3, sessionsHeld: 17, topicsRaised: 12, topicsDeclined: 2, consultations: 8, problemsSolved: 4 });
      // Every session on a weekend, in the past; next Saturday's is scheduled with its agenda.
      const sessions = (await secretary.get(`${api}/sessions?limit=500`)).body.items as { weekday: string; status: string; date: string; agendaItems: number }[];
      expect(new Set(sessions.map((s) => s.weekday))).toEqual(new Set(['周六']));
      expect(sessions.filter((s) => s.status === 'scheduled')).toEqual([expect.objectContaining({ date: '2026-11-28', agendaItems: 1 })]);
      expect(sessions.filter((s) => s.status === 'closed').every((s) => s.date < '2026-11-24')).toBe(true);
      // The bridge story: resolved, supervised, done and publicized, with a notice to post.
      const topics = (await secretary.get(`${api}/topics?limit=500`)).body.items as { title: string; state: string; ticketId: string }[];
      const bridge = topics.find((t) => t.title.startsWith('景观桥'))!;
      expect(bridge.state).toBe('publicized');
      const events = (await secretary.get(`/api/tickets/${bridge.ticketId}`)).body.events.map((e: { action: string }) => e.action);
      expect(events).toEqual(['create', 'accept', 'schedule', 'resolve', 'supervise', 'complete', 'publicize']);
      expect(topics.filter((t) => t.state === 'proposed')).toHaveLength(1);
      expect(topics.filter((t) => t.state === 'not-adopted')).toHaveLength(1);
    });
  });
}
