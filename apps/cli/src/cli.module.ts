import { Module } from '@nestjs/common';
import { DemoCommand } from './commands/demo.command';
import { VerifyBundleCommand } from './commands/verify-bundle.command';
import { ReplayCommand } from './commands/replay.command';
import { ServeCommand } from './commands/serve.command';
import { UsersAddCommand, UsersCommand } from './commands/users.command';
import { VerifyJournalCommand } from './commands/verify-journal.command';

@Module({ providers: [ServeCommand, UsersCommand, UsersAddCommand, VerifyJournalCommand, ReplayCommand, DemoCommand, VerifyBundleCommand] })
export class CliModule {}
