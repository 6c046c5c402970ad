import { Command, CommandRunner } from 'nest-commander';
import { ProjectionRunner } from '@mc/projections';
import { withCore } from '../core-context';

@Command({ name: 'replay', description: 'Reconstruit les vues de lecture (liste des dossiers…) à partir de zéro, depuis les événements' })
export class ReplayCommand extends CommandRunner {
  async run(): Promise<void> {
    const started = Date.now();
    const position = await withCore(async (core) => {
      const runner = core.get(ProjectionRunner);
      await runner.rebuild();
      return runner.position();
    });
    console.log(`Vues reconstruites jusqu’à la position ${position} en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}
