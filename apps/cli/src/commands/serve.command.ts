import { Command, CommandRunner } from 'nest-commander';
import { serve } from '@mc/api/main';

@Command({ name: 'serve', description: 'Démarre le journal (API HTTP) sur le stockage configuré' })
export class ServeCommand extends CommandRunner {
  async run(): Promise<void> {
    await serve();
    // Keep running until a signal stops the server.
    await new Promise(() => undefined);
  }
}
