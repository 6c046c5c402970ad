import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccountView } from '@mc/access';
import type { Actor } from '@mc/domain';
import { CorrelationId, CurrentActor } from '../auth/auth.decorators';
import { userView } from '../auth/auth.controller';
import { ChangeAccountCommand } from './commands/change-account/change-account.command';
import { AccountReasonDto, ChangeRoleDto, ResetPasswordDto } from './commands/change-account/change-account.dto';
import { CreateAccountCommand } from './commands/create-account/create-account.command';
import { CreateAccountDto } from './commands/create-account/create-account.dto';
import { ListAccountsQuery } from './queries/list-accounts.query';

/** Accounts, for administrators: every change is an event, so who had which role when stays on record. */
@ApiTags('comptes')
@ApiBearerAuth()
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  async create(@Body() body: CreateAccountDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string) {
    return userView(await this.commands.execute(new CreateAccountCommand(body, actor, correlationId)));
  }

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.queries.execute(new ListAccountsQuery(actor));
  }

  @Post(':accountId/disable')
  @HttpCode(200)
  async disable(@Param('accountId') id: string, @Body() body: AccountReasonDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.summary(await this.commands.execute(new ChangeAccountCommand(id, { type: 'DisableAccount', reason: body.reason }, actor, cid)));
  }

  @Post(':accountId/enable')
  @HttpCode(200)
  async enable(@Param('accountId') id: string, @Body() body: AccountReasonDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.summary(await this.commands.execute(new ChangeAccountCommand(id, { type: 'EnableAccount', reason: body.reason }, actor, cid)));
  }

  @Post(':accountId/role')
  @HttpCode(200)
  async role(@Param('accountId') id: string, @Body() body: ChangeRoleDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.summary(await this.commands.execute(new ChangeAccountCommand(id, { type: 'ChangeRole', role: body.role, union: body.union }, actor, cid)));
  }

  @Post(':accountId/password')
  @HttpCode(200)
  async password(@Param('accountId') id: string, @Body() body: ResetPasswordDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.summary(await this.commands.execute(new ChangeAccountCommand(id, { type: 'ResetPassword', password: body.password }, actor, cid)));
  }

  private summary(account: AccountView) {
    return { ...userView(account), disabled: account.disabled };
  }
}
