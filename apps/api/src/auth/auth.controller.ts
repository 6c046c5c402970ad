import { Body, Controller, Get, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccountView, Accounts, TokenService } from '@mc/access';
import type { Clock } from '@mc/domain';
import { CLOCK } from '../journal/journal.tokens';
import { CurrentAccount, Public } from './auth.decorators';
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Same answer, in the same time, whether the user does not exist or the password is wrong. */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginDto) {
    const account = await this.accounts.authenticate(body.username, body.password);
    if (!account) throw new UnauthorizedException();
    const { token, expiresAt } = this.tokens.issue(account.id, account.credentialVersion, this.clock.now());
    return { token, expiresAt, user: userView(account) };
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentAccount() account: AccountView) {
    return userView(account);
  }
}
