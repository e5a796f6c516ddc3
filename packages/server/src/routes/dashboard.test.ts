import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId, requestData } from '../test-support.js';

interface StateFigures { id: string; title: string; count: number; overdue: number }
interface WorkflowFigures { id: string; total: number; open: number; overdue: number; closed: number; avgHoursToClose: number | null; closedInTimePct: number | null; states: StateFigures[] }

const gridRequest = (body: { workflows: WorkflowFigures[] }) => body.workflows.find((w) => w.id === 'grid-request')!;
const counts = (w: WorkflowFigures) => Object.fromEntries(w.states.filter((s) => s.count).map((s) => [s.id, s.count]));

for (const backend of testBackends()) {
  describe(`dashboard on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let binhe: string;
    let resident: TestClient;
    let grid: TestClient;
    let secretary: TestClient;
    let admin: TestClient;

    const file = async (who: TestClient, org: string) => (await who.post('/api/tickets', { workflow: 'grid-request', orgId: org, data: requestData() })).body as { id: string };
    const step = async (who: TestClient, id: string, action: string, data?: Record<string, unknown>) => {
      const { body: detail } = await who.get(`/api/tickets/${id}`);
      const res = await who.post(`/api/tickets/${id}/transitions`, { action, version: detail.ticket.version, data });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    const closeLoop = async (id: string) => {
      await step(grid, id, 'sort', { category: '公共设施', urgency: '急' });
      await step(grid, id, 'solve-in-grid', { result: '已修复' });
    };

    beforeAll(async () => {
      // Sessions outlast the days this test moves the clock through.
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend, sessionHours: 24 * 30 });
      [hepan, binhe] = [await orgId(server, 'hepan'), await orgId(server, 'binhe')];
      resident = await server.login('resident.hepan');
      grid = await server.login('grid.yongfu1');
      secretary = await server.login('secretary.yongfu');
      admin = await server.login('admin');
    });
    afterAll(() => server?.close());

    it('counts by state only what each viewer may see, for the subtree asked for', async () => {
      const a = await file(resident, hepan);
      await file(resident, hepan);
      await file(admin, binhe);
      await step(grid, a.id, 'sort', { category: '公共设施', urgency: '缓' });

      const mine = await secretary.get('/api/dashboard');
      expect(mine.status).toBe(200);
      const wf = gridRequest(mine.body);
      // Every state of the workflow, in definition order, zero counts included.
      expect(wf.states.map((s) => s.id)).toEqual(['collected', 'sorted', 'dispatched', 'handled', 'closed', 'rejected']);
      expect(wf.states[1]).toMatchObject({ title: '已梳理', count: 1 });
      expect(counts(wf)).toEqual({ collected: 1, sorted: 1 });
      expect(wf).toMatchObject({ total: 2, open: 2, overdue: 0, closed: 0, avgHoursToClose: null, closedInTimePct: null });

      expect(gridRequest((await admin.get('/api/dashboard')).body).total).toBe(3);
      expect(gridRequest((await admin.get(`/api/dashboard?orgId=${binhe}`)).body).total).toBe(1);
      expect(gridRequest((await admin.get(`/api/dashboard?orgId=${await orgId(server, 'tiandao')}`)).body).total).toBe(0);
      // Asking for a subtree outside one's scope shows nothing of it.
      expect(gridRequest((await secretary.get(`/api/dashboard?orgId=${binhe}`)).body).total).toBe(0);
      expect(gridRequest((await resident.get('/api/dashboard')).body).total).toBe(2);
      expect(gridRequest((await (await server.login('grid.shuguang1')).get('/api/dashboard')).body).total).toBe(0);
    });

    it('reports overdue tickets, time to close and the share closed in time', async () => {
      server.clock.advance({ hours: 25 });
      expect(gridRequest((await secretary.get('/api/dashboard')).body).overdue).toBe(2);

      const quick = await file(resident, hepan);
      await closeLoop(quick.id);
      server.clock.advance({ hours: 10 });
      await step(resident, quick.id, 'confirm', { rating: 5 });

      const late = await file(resident, hepan);
      server.clock.advance({ hours: 25 });
      // The deadline worker marks the overdue stint in the ticket's history.
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      await closeLoop(late.id);
      await step(resident, late.id, 'confirm', { rating: 4 });

      const wf = gridRequest((await secretary.get('/api/dashboard')).body);
      expect(wf).toMatchObject({ total: 4, open: 2, overdue: 2, closed: 2, closedInTimePct: 50, avgHoursToClose: 17.5 });
      expect(counts(wf)).toEqual({ collected: 1, sorted: 1, closed: 2 });
      const totals = (await secretary.get(`/api/dashboard?orgId=${hepan}`)).body.totals;
      expect(totals).toEqual({ total: 4, open: 2, overdue: 2, closed: 2, avgHoursToClose: 17.5, closedInTimePct: 50 });
    });

    it('exports the table as CSV with a byte-order mark for Excel, in the language asked for', async () => {
      const res = await secretary.get('/api/dashboard.csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="linli-dashboard-\d{4}-\d{2}-\d{2}\.csv"$/);
      const text = res.body as string;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('流程,状态,件数,逾期,已办结,平均办结时长（小时）,按时办结率（%）');
      expect(lines).toContain('网格诉求,已梳理,1,1,,,');
      expect(lines).toContain('网格诉求,合计,4,2,2,17.5,50');
      const en = (await secretary.get('/api/dashboard.csv?lang=en')).body as string;
      expect(en.slice(1).split('\r\n')[0]).toBe('Workflow,State,Tickets,Overdue,Closed,Average hours to close,Closed in time (%)');
      expect(en).toContain('Grid request,Total,4,2,2,17.5,50');
    });

    it('answers 404 for an unknown org and 401 without a session', async () => {
      expect((await secretary.get('/api/dashboard?orgId=99999')).status).toBe(404);
      expect((await server.anonymous().get('/api/dashboard')).status).toBe(401);
      expect((await server.anonymous().get('/api/dashboard.csv')).status).toBe(401);
    });
  });
}
