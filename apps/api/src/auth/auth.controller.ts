import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AccountView, Accounts, LoginThrottle, TokenService } from '@mc/access';
import { Actor, Clock, DomainError } from '@mc/domain';
import { ChangeOwnPasswordDto } from '../accounts/commands/change-account/change-account.dto';
import { RequestRefused } from '../http/request-refused';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, CLOCK } from '../journal/journal.tokens';
import { CorrelationId, CurrentAccount, CurrentActor, Public } from './auth.decorators';
import { LoginDto } from './login.dto';

export const userView = (a: AccountView) => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  union: a.union,
});

@ApiTags('authentification')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly accounts: Accounts,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Same answer, in the same time, whether the user does not exist or the password is wrong.
   * Too many failures for a username or from an address are refused before any check.
   */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: Request) {
    const account = await this.throttle.attempt(body.username, addressOf(req), this.clock.now().getTime(), () =>
      this.accounts.authenticate(body.username, body.password),
    );
    if (!account) throw new RequestRefused(401, 'LOGIN_REFUSED', LOGIN_REFUSED);
    return this.issue(account);
  }

  /**
   * The current user, and the limits the service applies to them (`maxUploadBytes`: the largest
   * attachment, MC_MAX_UPLOAD_BYTES), so that a page can refuse a file before sending it.
   */
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentAccount() account: AccountView) {
    return { ...userView(account), limits: { maxUploadBytes: this.config.maxUploadBytes } };
  }

  /** Changes one's own password: every other session stops, this one gets a fresh token. */
  @ApiBearerAuth()
  @Post('me/password')
  @HttpCode(200)
  async changePassword(
    @Body() body: ChangeOwnPasswordDto,
    @CurrentAccount() account: AccountView,
    @CurrentActor() actor: Actor,
    @CorrelationId() cid: string,
    @Req() req: Request,
  ) {
    const ok = await this.throttle.attempt(account.username, addressOf(req), this.clock.now().getTime(), () =>
      this.accounts.passwordMatches(account.id, body.currentPassword),
    );
    if (!ok) {
      throw DomainError.of('RULE_VIOLATED', 'currentPassword', 'Le mot de passe actuel est inexact.', 'The current password is wrong.');
    }
    const updated = await this.accounts.setPassword(account.id, body.newPassword, actor, cid);
    return this.issue(updated);
  }

  private issue(account: AccountView) {
    const { token, expiresAt } = this.tokens.issue(account.id, account.credentialVersion, this.clock.now());
    return { token, expiresAt, user: userView(account) };
  }
}

/** The same sentence whether the account does not exist, is disabled or the password is wrong. */
const LOGIN_REFUSED = {
  fr: 'Identifiant ou mot de passe incorrect, ou compte désactivé.',
  en: 'Wrong username or password, or the account is disabled.',
};

const addressOf = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';
