import { Pool } from 'undici';
import type { Fixtures, WorkTicket } from './fixtures.js';
import { intake, nextStep, orgFor } from './work.js';

/**
 * The load generator's HTTP side: undici keep-alive connections to the
 * server on 127.0.0.1, one per concurrent client, bearer-token auth as a
 * script or app would use it.
 */
export class Api {
  readonly #pool: Pool;
  constructor(readonly origin: string, connections: number) {
    this.#pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  }

  async call(method: 'GET' | 'POST', path: string, token: string | null, body?: unknown, expect = 200): Promise<unknown> {
    const res = await this.#pool.request({
      method,
      path,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.body.text();
    if (res.statusCode !== expect) {
      let code = '';
      try {
        code = (JSON.parse(text) as { code?: string; message?: string }).code ?? '';
      } catch {
        // not JSON
      }
      throw new Error(`${method} ${path} answered ${res.statusCode} ${code} ${text.slice(0, 200)}`.trim());
    }
    return text ? (JSON.parse(text) as unknown) : null;
  }

  async login(username: string, password: string): Promise<string> {
    const r = (await this.call('POST', '/api/auth/login', null, { username, password })) as { token: string };
    return r.token;
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

export function apiCreate(api: Api, token: string, fx: Fixtures) {
  let n = 0;
  return async () => {
    const i = n++;
    await api.call('POST', '/api/tickets', token, { workflow: 'grid-request', orgId: String(orgFor(fx, i).id), data: intake(i) }, 201);
  };
}

export function apiTransition(api: Api, token: string, hands: WorkTicket[][]) {
  const turn = hands.map(() => 0);
  return async (w: number) => {
    const hand = hands[w]!;
    const t = hand[turn[w]!++ % hand.length]!;
    const step = nextStep(t);
    const body = { action: step.action, version: t.version, ...(step.data ? { data: step.data } : {}), ...(step.comment ? { comment: step.comment } : {}) };
    const updated = (await api.call('POST', `/api/tickets/${t.id}/transitions`, token, body)) as { version: number; state: string };
    t.version = updated.version;
    t.state = updated.state as WorkTicket['state'];
  };
}

export function apiGet(api: Api, token: string, path: string) {
  return async () => {
    await api.call('GET', path, token);
  };
}
