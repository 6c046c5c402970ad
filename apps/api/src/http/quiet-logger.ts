import { ConsoleLogger } from '@nestjs/common';

/** Nest's start-up chatter (every module and route) hides what matters: keep our own lines and all warnings. */
const CHATTY_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

export class QuietLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && CHATTY_CONTEXTS.has(context)) return;
    super.log(message, context);
  }
}
