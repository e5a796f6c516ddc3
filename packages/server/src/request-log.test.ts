import { describe, expect, it, vi } from 'vitest';
import { FailedRequestsLog } from './request-log.js';

describe('FailedRequestsLog', () => {
  const reply = (statusCode: number) => ({ statusCode, elapsedTime: 3, log: { info: vi.fn(), error: vi.fn() } });
  const request = {} as any;

  it('keeps quiet about requests that went well, and about unknown routes', () => {
    const log = new FailedRequestsLog();
    for (const status of [200, 201, 404, 422]) {
      const r = reply(status);
      log.incomingRequest(request, r as any);
      log.requestCompleted(null, request, r as any);
      log.routeNotFound(request, r as any);
      expect(r.log.info).not.toHaveBeenCalled();
      expect(r.log.error).not.toHaveBeenCalled();
    }
  });

  it('logs a request that failed on the server or errored', () => {
    const log = new FailedRequestsLog();
    const failed = reply(500);
    log.requestCompleted(null, request, failed as any);
    expect(failed.log.info).toHaveBeenCalledWith(expect.objectContaining({ res: failed }), 'request completed');
    const errored = reply(200);
    log.requestCompleted(new Error('socket closed'), request, errored as any);
    expect(errored.log.error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'request errored');
  });
});
