import pino from 'pino';
import type { StartOptions } from '@linli/server';

type Env = Record<string, string | undefined>;

/**
 * How `linli serve` logs. Production (NODE_ENV=production), or output that
 * is not a terminal, gets JSON lines for a log collector, one per request;
 * a developer's terminal gets pino-pretty and only the requests that failed,
 * so `npm start` and `npm run dev` show what needs attention.
 * LINLI_LOG_FORMAT=json|pretty and LINLI_REQUEST_LOG=all|failed override.
 */
export function serverLogging(env: Env = process.env, terminal = process.stdout.isTTY === true): Pick<StartOptions, 'logger' | 'requestLog'> {
  const production = env.NODE_ENV === 'production';
  const format = env.LINLI_LOG_FORMAT ?? (production || !terminal ? 'json' : 'pretty');
  const requestLog = env.LINLI_REQUEST_LOG ?? (production ? 'all' : 'failed');
  if (format !== 'json' && format !== 'pretty') throw new Error(`LINLI_LOG_FORMAT must be "json" or "pretty", got "${format}".`);
  if (requestLog !== 'all' && requestLog !== 'failed') throw new Error(`LINLI_REQUEST_LOG must be "all" or "failed", got "${requestLog}".`);
  const common = {
    level: env.LOG_LEVEL ?? 'info',
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  };
  const logger =
    format === 'pretty'
      ? { ...common, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : // Buffered, asynchronous writes: a synchronous log line per request cost a sixth of the server's CPU under load (bench/README.md).
        { ...common, stream: pino.destination({ dest: 1, sync: false, minLength: 4096 }) };
  return { logger, requestLog };
}
