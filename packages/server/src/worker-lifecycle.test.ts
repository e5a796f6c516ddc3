import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { TestClock, testBackends } from '@linli/testing';
import { dropTestSchema } from '@linli/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './start.js';
import { escalationCity } from './test-escalation-city.js';
import { requestData } from './test-support.js';

const url = process.env.DATABASE_URL;

for (const backend of testBackends()) {
  describe(`the job worker of a running server on ${backend.name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-worker-'));
    const schema = `t_worker_${randomBytes(4).toString('hex')}`;
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      if (backend.name === 'postgres') {
        await dropTestSchema(url!, schema);
      }
    });

    it('starts with startServer, marks an overdue ticket on its own, and stops on close', async () => {
      const configPath = join(dir, 'linli.config.json');
      writeFileSync(configPath, JSON.stringify(escalationCity()));
      const clock = new TestClock('2026-11-24T01:00:00Z');
      const server = await startServer({
        configPath,
        available: [gridRequestsPlugin],
        ...(backend.name === 'postgres' ? { databaseUrl: url, databaseSchema: schema } : {}),
        port: 0,
        host: '127.0.0.1',
        demoPassword: 'worker-test-pw',
        now: clock.now,
        sessionHours: 24 * 365,
        jobs: { pollMs: 20 },
      });
      let closed = false;
      try {
        const api = async (method: string, path: string, token?: string, body?: unknown) => {
          const res = await fetch(`${server.url}${path}`, {
            method,
            headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
            ...(body ? { body: JSON.stringify(body) } : {}),
          });
          return { status: res.status, body: (await res.json()) as any };
        };
        const token = (await api('POST', '/api/auth/login', undefined, { username: 'grid.yongfu1', password: 'worker-test-pw' })).body.token;
        const hepan = (await api('GET', '/api/orgs?type=compound&limit=200', token)).body.items.find((o: { key: string }) => o.key === 'hepan').id;
        const t = (await api('POST', '/api/tickets', token, { workflow: 'grid-request', orgId: hepan, data: requestData() })).body;
        expect(t.state).toBe('collected');

        // Nobody runs the jobs by hand here: the server's worker sees the clock pass the deadline.
        clock.set('2026-11-25T01:05:00Z');
        const deadline = Date.now() + 10_000;
        let actions: string[] = [];
        while (Date.now() < deadline) {
          actions = (await api('GET', `/api/tickets/${t.id}`, token)).body.events.map((e: { action: string }) => e.action);
          if (actions.includes('deadline.overdue')) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        expect(actions).toEqual(['create', 'deadline.remind', 'deadline.overdue']);
        await server.close();
        closed = true;
        // Closed means closed: the port no longer answers.
        await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
      } finally {
        if (!closed) await server.close();
      }
    });
  });
}
