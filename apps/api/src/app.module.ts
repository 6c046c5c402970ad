import { DynamicModule, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { ValidationPipe } from '@nestjs/common';
import type { Clock } from '@mc/domain';
import { AccountsController } from './accounts/accounts.controller';
import { ChangeAccountHandler } from './accounts/commands/change-account/change-account.command';
import { CreateAccountHandler } from './accounts/commands/create-account/create-account.command';
import { ListAccountsHandler } from './accounts/queries/list-accounts.query';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { CasesController } from './cases/cases.controller';
import { ExecuteCaseCommandHandler } from './cases/commands/execute-case-command/execute-case-command.handler';
import { CaseQueryHandlers } from './cases/queries/case-queries';
import { GetEntryHandler } from './cases/queries/get-entry.query';
import type { AppConfig } from './config/config';
import { uploadsDir } from './config/data-dirs';
import { AttachEvidenceHandler } from './evidence/commands/attach-evidence/attach-evidence.command';
import { EvidenceController } from './evidence/evidence.controller';
import { GetEvidenceHandler } from './evidence/get-evidence.query';
import { ExportCaseHandler } from './exports/export-case.command';
import { ExportsController } from './exports/exports.controller';
import { PublicKeyController } from './integrity/public-key.controller';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { UpcomingDeadlinesHandler } from './deadlines/upcoming-deadlines.query';
import { ProviderCommandHandlers, ProviderQueryHandlers, ProviderServices, ProvidersController } from './providers/providers.handlers';
import { HealthController } from './health/health.controller';
import { GetHealthHandler } from './health/health.query';
import { ErrorFilter } from './http/error.filter';
import { WriteRateLimitGuard } from './http/write-rate-limit.guard';
import { IntegrityController } from './integrity/integrity.controller';
import { VerifyJournalHandler } from './integrity/verify-journal.query';
import { JournalModule } from './journal/journal.module';
import { TemporaryFilesSweeper } from './journal/temporary-files.sweeper';
import { ShareCaseHandler } from './sharing/share-case.command';
import { SharingController } from './sharing/sharing.controller';
import { SharingQueryHandlers } from './sharing/sharing.queries';
import { VALIDATION_PIPE_OPTIONS } from './validation/validation-problems';

export const CommandHandlers = [
  ExecuteCaseCommandHandler,
  ShareCaseHandler,
  CreateAccountHandler,
  ChangeAccountHandler,
  AttachEvidenceHandler,
  ExportCaseHandler,
  ...ProviderCommandHandlers,
];
export const QueryHandlers = [
  ...CaseQueryHandlers,
  GetEntryHandler,
  ListAccountsHandler,
  VerifyJournalHandler,
  GetHealthHandler,
  GetEvidenceHandler,
  UpcomingDeadlinesHandler,
  ...ProviderQueryHandlers,
  ...SharingQueryHandlers,
];

/** The journal without HTTP: what the CLI runs commands against. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: CoreModule,
      imports: [CqrsModule.forRoot(), JournalModule.forRoot(config, clock)],
      providers: [...CommandHandlers, ...QueryHandlers, ...ProviderServices],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock),
        ThrottlerModule.forRoot([{ name: 'writes', ttl: 60_000, limit: Math.max(1, config.writeLimitPerMinute) }]),
        // Uploads land in the data directory (same file system, so the content store can rename them).
        MulterModule.register({
          dest: uploadsDir(config),
          limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 64 * 1024 },
          defParamCharset: 'utf8',
          // Keep the name exactly as the client sent it: it is data, never a path.
          preservePath: true,
        }),
      ],
      controllers: [
        HealthController,
        AuthController,
        AccountsController,
        CasesController,
        SharingController,
        EvidenceController,
        ExportsController,
        IntegrityController,
        PublicKeyController,
        ProvidersController,
        DeadlinesController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        ...(config.writeLimitPerMinute > 0 ? [{ provide: APP_GUARD, useClass: WriteRateLimitGuard }] : []),
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useValue: new ValidationPipe(VALIDATION_PIPE_OPTIONS) },
        TemporaryFilesSweeper,
      ],
    };
  }
}
