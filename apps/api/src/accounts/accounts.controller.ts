import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@mc/domain';
import { CorrelationId, CurrentActor } from '../auth/auth.decorators';
import { userView } from '../auth/auth.controller';
import { CreateAccountCommand } from './commands/create-account/create-account.command';
import { CreateAccountDto } from './commands/create-account/create-account.dto';

@ApiTags('comptes')
@ApiBearerAuth()
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  async create(@Body() body: CreateAccountDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string) {
    return userView(await this.commands.execute(new CreateAccountCommand(body, actor, correlationId)));
  }
}
