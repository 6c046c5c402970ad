import { CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import type { Response } from 'express';
import { RequestRefused } from '../http/request-refused';

export const RECORDS_AN_EXPORT = 'mc:records-an-export';

/**
 * A GET that writes: the export is recorded in the journal before its bytes are sent. Only GET
 * may do it: a HEAD would record an export whose bytes nobody received (Express answers HEAD with
 * the GET route). The write limit counts these routes too (WriteRateLimitGuard).
 */
export const RecordsAnExport = () => applyDecorators(SetMetadata(RECORDS_AN_EXPORT, true), UseGuards(ExportsAreSentByGet));

@Injectable()
export class ExportsAreSentByGet implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    if (http.getRequest<{ method: string }>().method === 'GET') return true;
    http.getResponse<Response>().setHeader('Allow', 'GET');
    throw new RequestRefused(405, 'METHOD_NOT_ALLOWED', {
      fr: 'Un export ne se demande qu’avec GET : il est consigné dans le journal au moment où il est envoyé.',
      en: 'An export is asked for with GET only: it is recorded in the journal as it is sent.',
    });
  }
}
