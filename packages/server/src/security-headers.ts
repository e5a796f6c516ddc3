import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * helmet's security headers (CSP, frame, referrer, cross-origin policies …)
 * on every response. helmet works them out from its options; none of ours
 * depends on the request, so they are worked out once, here, by running
 * helmet against a recording response, and each request only sets them.
 * (@fastify/helmet ran helmet on every request: it rebuilt and parsed the
 * whole policy per request, a measurable share of a queue page's CPU.)
 */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    // On the raw response, as helmet does: a streamed or hijacked reply carries them too.
    const res = reply.raw;
    for (const [name, value] of headers) res.setHeader(name, value);
    res.removeHeader('x-powered-by');
    done();
  });
}

/** What helmet sets for these options, in order. */
export function securityHeaders(options: Readonly<HelmetOptions>): readonly (readonly [string, string])[] {
  const set: [string, string][] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, String(value)]);
    },
    removeHeader() {},
  } as unknown as ServerResponse;
  let failed: unknown;
  helmet(options)({} as IncomingMessage, recorder, (e?: unknown) => (failed = e));
  if (failed) throw failed;
  return set;
}
