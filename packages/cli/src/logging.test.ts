import { describe, expect, it } from 'vitest';
import { serverLogging } from './logging.js';

describe('serverLogging', () => {
  it('prints readable lines and only failed requests in a developer terminal', () => {
    const { logger, requestLog } = serverLogging({}, true);
    expect(logger).toMatchObject({ level: 'info', transport: { target: 'pino-pretty' } });
    expect(requestLog).toBe('failed');
  });

  it('writes JSON for a log collector when the output is not a terminal', () => {
    const { logger, requestLog } = serverLogging({ LOG_LEVEL: 'warn' }, false);
    expect(logger).toMatchObject({ level: 'warn' });
    expect(logger).not.toHaveProperty('transport');
    expect(requestLog).toBe('failed');
  });

  it('logs every request as JSON in production, even on a terminal, and never secrets', () => {
    const { logger, requestLog } = serverLogging({ NODE_ENV: 'production' }, true);
    expect(logger).not.toHaveProperty('transport');
    expect(logger).toMatchObject({ redact: expect.arrayContaining(['req.headers.authorization', 'req.headers.cookie']) });
    expect(requestLog).toBe('all');
  });

  it('follows explicit settings and refuses unknown ones', () => {
    expect(serverLogging({ NODE_ENV: 'production', LINLI_LOG_FORMAT: 'pretty', LINLI_REQUEST_LOG: 'failed' }, false)).toMatchObject({ logger: { transport: { target: 'pino-pretty' } }, requestLog: 'failed' });
    expect(() => serverLogging({ LINLI_LOG_FORMAT: 'xml' }, true)).toThrow(/LINLI_LOG_FORMAT must be "json" or "pretty"/);
    expect(() => serverLogging({ LINLI_REQUEST_LOG: 'some' }, true)).toThrow(/LINLI_REQUEST_LOG/);
  });
});
