import { LogController } from 'fastify';

/**
 * Per-request log lines for failed requests only: a 5xx, an error, a stream
 * that broke. `npm start` and `npm run dev` use it so the terminal shows what
 * needs attention, not two JSON lines per click; production keeps every
 * request (ServerOptions.requestLog).
 */
export class FailedRequestsLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(...args: Parameters<LogController['requestCompleted']>): void {
    const [error, , reply] = args;
    if (error || reply.statusCode >= 500) super.requestCompleted(...args);
  }

  override routeNotFound(): void {}
}
