import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { JournalFileUnreadableError } from '@mc/event-store/errors';
import { sendError } from './error.filter';

describe('sendError', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers 503 STORE_UNAVAILABLE to a journal file damaged under the running service, and logs why', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const answer: { status?: number; body?: Record<string, unknown> } = {};
    const res = {
      headersSent: false,
      setHeader: () => undefined,
      status(code: number) {
        answer.status = code;
        return this;
      },
      json(body: Record<string, unknown>) {
        answer.body = body;
      },
    } as unknown as Response;
    const req = { method: 'GET', path: '/api/v1/cases/x/events', headers: {}, header: () => undefined } as unknown as Request;
    sendError(new JournalFileUnreadableError('/data/journal.sqlite', { kind: 'damaged', sqlite: 'database disk image is malformed' }), req, res);
    expect(answer).toMatchObject({ status: 503, body: { statusCode: 503, code: 'STORE_UNAVAILABLE' } });
    expect(logged).toHaveBeenCalledWith('GET /api/v1/cases/x/events -> 503', expect.stringContaining('database disk image is malformed'));
  });
});
