import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Accounts, TokenService, actorOf } from '@mc/access';
import type { Clock } from '@mc/domain';
import { CLOCK } from '../journal/journal.tokens';
import { AuthenticatedRequest, IS_PUBLIC } from './auth.decorators';

/**
 * Every route needs a valid bearer token unless marked @Public(). The account is read again at
 * every request, so a disabled account or a changed password stops its tokens at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly accounts: Accounts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const claims = match ? this.tokens.verify(match[1], this.clock.now()) : null;
    if (!claims) throw new UnauthorizedException();
    const found = await this.accounts.findById(claims.sub);
    if (!found || found.view.disabled || found.view.credentialVersion !== claims.cv) throw new UnauthorizedException();
    req.account = found.view;
    req.actor = actorOf(found.view);
    return true;
  }
}
