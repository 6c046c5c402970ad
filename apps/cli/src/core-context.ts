import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule } from '@mc/api/app.module';
import { prepareDataDir } from '@mc/api/app.factory';
import { loadConfig } from '@mc/api/config/config';
import { checkBeforeStart } from '@mc/api/start-checks';
import { systemClock } from '@mc/domain';

/** Opens the journal (store, accounts, read models) without HTTP, runs `work`, closes it. */
export async function withCore<T>(work: (core: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  prepareDataDir(config);
  await checkBeforeStart(config, systemClock);
  const core = await NestFactory.createApplicationContext(CoreModule.forRoot(config), { logger: ['error'] });
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}
