import { Command, CommandRunner } from 'nest-commander';
import { ProjectionRunner } from '@mc/projections';
import { withCore } from '../core-context';
import { say } from '../cli-language';

@Command({
  name: 'replay',
  description: say({
    fr: 'Reconstruit les vues de lecture (liste des dossiers…) à partir de zéro, depuis les événements',
    en: 'Rebuilds the read views (list of cases…) from scratch, from the events',
  }),
})
export class ReplayCommand extends CommandRunner {
  async run(): Promise<void> {
    const started = Date.now();
    const position = await withCore(async (core) => {
      const runner = core.get(ProjectionRunner);
      await runner.rebuild();
      return runner.position();
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      say({ fr: `Vues reconstruites jusqu’à la position ${position} en ${seconds} s.`, en: `Views rebuilt up to position ${position} in ${seconds} s.` }),
    );
  }
}
