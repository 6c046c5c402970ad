import { Module } from '@nestjs/common';
import { BackupCommand } from './commands/backup.command';
import { DemoCommand } from './commands/demo.command';
import { ExportJournalCommand } from './commands/export-journal.command';
import { ImportJournalCommand } from './commands/import-journal.command';
import { MigrateCommand } from './commands/migrate.command';
import { RestoreCommand } from './commands/restore.command';
import { VerifyBundleCommand } from './commands/verify-bundle.command';
import { ReplayCommand } from './commands/replay.command';
import { ServeCommand } from './commands/serve.command';
import { UsersAddCommand, UsersCommand } from './commands/users.command';
import { VerifyJournalCommand } from './commands/verify-journal.command';

@Module({
  providers: [
    ServeCommand,
    UsersCommand,
    UsersAddCommand,
    VerifyJournalCommand,
    ReplayCommand,
    DemoCommand,
    VerifyBundleCommand,
    ExportJournalCommand,
    ImportJournalCommand,
    MigrateCommand,
    BackupCommand,
    RestoreCommand,
  ],
})
export class CliModule {}
