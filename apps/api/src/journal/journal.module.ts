import { join } from 'node:path';
import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AccessPolicy, Accounts, LoginThrottle, TokenService } from '@mc/access';
import { Clock, systemClock } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { JOURNAL_PROJECTIONS, ProjectionRunner, type SqliteDatabase } from '@mc/projections';
import type { AppConfig } from '../config/config';
import { CaseReader } from './case-reader';
import { CaseStateCache } from './case-state-cache';
import { APP_CONFIG, CLOCK, CONTENT_STORE, READ_MODEL_DB, SIGNING_KEY } from './journal.tokens';
import { ContentStore, loadOrCreateSigningKey } from '@mc/evidence';
import { OPERATOR } from '../accounts/commands/create-account/create-account.command';
import { openEventStore } from './event-store.factory';
import { openReadModels } from './read-models-file';

/** Starts the read models after the store is open and stops them before it closes. */
class JournalLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Journal');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: SqliteDatabase,
    private readonly runner: ProjectionRunner,
    private readonly accounts: Accounts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (admin && !(await this.accounts.any())) {
      await this.accounts.create({ username: admin.username, role: 'admin', password: admin.password }, OPERATOR);
      this.logger.log(`Compte administrateur « ${admin.username} » créé (MC_BOOTSTRAP_ADMIN).`);
    }
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    this.readModels.close();
  }
}

/** The journal itself: the store, the clock, accounts, the access policy and the read models. */
@Global()
@Module({})
export class JournalModule {
  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: JournalModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        {
          provide: EVENT_STORE,
          // MC_STORE: the embedded SQLite file, or an EventStoreDB cluster (which must answer at start-up).
          useFactory: (): Promise<EventStore> => openEventStore(config, clock),
        },
        {
          provide: READ_MODEL_DB,
          useFactory: (): SqliteDatabase => openReadModels(config.dataDir, clock.now()),
        },
        {
          provide: ProjectionRunner,
          inject: [READ_MODEL_DB, EVENT_STORE],
          useFactory: (db: SqliteDatabase, store: EventStore) => new ProjectionRunner(db, store, JOURNAL_PROJECTIONS),
        },
        { provide: Accounts, inject: [EVENT_STORE], useFactory: (store: EventStore) => new Accounts(store) },
        { provide: AccessPolicy, useValue: new AccessPolicy() },
        { provide: LoginThrottle, useFactory: () => new LoginThrottle() },
        { provide: CaseStateCache, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CaseStateCache(store) },
        {
          provide: TokenService,
          useFactory: () => new TokenService(TokenService.secretFromDataDir(config.dataDir), config.tokenTtlMinutes * 60_000),
        },
        { provide: CONTENT_STORE, useFactory: () => new ContentStore(join(config.dataDir, 'attachments')) },
        { provide: SIGNING_KEY, useFactory: () => loadOrCreateSigningKey(config.dataDir) },
        CaseReader,
        JournalLifecycle,
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        EVENT_STORE,
        READ_MODEL_DB,
        ProjectionRunner,
        Accounts,
        AccessPolicy,
        LoginThrottle,
        CaseStateCache,
        CaseReader,
        TokenService,
        CONTENT_STORE,
        SIGNING_KEY,
      ],
    };
  }
}
