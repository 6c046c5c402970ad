import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { RECORDS_AN_EXPORT } from '../exports/records-an-export';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Limits writes per account (per address before login) over all write routes together, so a
 * runaway script or a stolen token cannot flood a journal that never forgets. Reads are not
 * limited here, except exports, which are recorded in the journal. Runs after the AuthGuard,
 * which has put the account on the request.
 */
@Injectable()
export class WriteRateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.get<boolean>(RECORDS_AN_EXPORT, context.getHandler())) return false;
    return READS.has(context.switchToHttp().getRequest<{ method: string }>().method);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = (req as AuthenticatedRequest).actor;
    return actor ? `account:${actor.id}` : `address:${String(req.ip)}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }
}
