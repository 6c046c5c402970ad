import { accessSync, constants, mkdirSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { systemClock, type Clock } from '@mc/domain';
import { AppModule } from './app.module';
import { AppConfig, ConfigError } from './config/config';
import { checkBeforeStart } from './start-checks';
import { expressErrorHandler } from './http/error.filter';
import { QuietLogger } from './http/quiet-logger';
import { checkJsonBody, jsonBodyParser } from './http/json-body';
import { documentErrorAnswers } from './http/openapi';
import { requestContext, requireJsonBodies } from './http/request-context.middleware';
import { serveWebPages } from './web/static-pages';

/** The data directory must exist and be writable: say so in one sentence rather than fail later. */
export function prepareDataDir(config: AppConfig): void {
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK);
  } catch {
    throw new ConfigError('MC_DATA_DIR', `MC_DATA_DIR (${config.dataDir}) n’est pas un dossier accessible en écriture.`);
  }
}

/** Builds the HTTP application (not listening yet): used by `npm start`, the CLI and the e2e tests. */
export async function createApp(config: AppConfig, options: { clock?: Clock; logger?: false } = {}): Promise<NestExpressApplication> {
  prepareDataDir(config);
  await checkBeforeStart(config, options.clock ?? systemClock);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
    bodyParser: false,
    logger: options.logger === false ? false : new QuietLogger(),
  });
  app.disable('x-powered-by');
  // Security headers; no CORS middleware at all, so browsers refuse cross-origin calls (closed by default).
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:', 'blob:'] } } }));
  app.use(requestContext);
  app.use(requireJsonBodies);
  app.use(jsonBodyParser(config.maxBodyBytes));
  app.use(checkJsonBody);
  app.use(expressErrorHandler);
  app.enableShutdownHooks();
  serveWebPages(app);

  const document = documentErrorAnswers(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Main courante — API')
        .setDescription('Journal de preuves horodatées et chaînées. Contrat : ../shared/design/API.md.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
