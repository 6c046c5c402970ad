import { Command, CommandRunner } from 'nest-commander';
import { serve } from '@mc/api/main';
import { say } from '../cli-language';

@Command({
  name: 'serve',
  description: say({ fr: 'Démarre le journal (API HTTP) sur le stockage configuré', en: 'Starts the journal (HTTP API) on the configured storage' }),
})
export class ServeCommand extends CommandRunner {
  async run(): Promise<void> {
    await serve();
    // Keep running until a signal stops the server.
    await new Promise(() => undefined);
  }
}
