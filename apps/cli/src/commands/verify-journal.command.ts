import { Command, CommandRunner } from 'nest-commander';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { verifyJournal } from '@mc/api/integrity/verify-journal.query';
import { withCore } from '../core-context';
import { CliError } from '../cli-error';

@Command({ name: 'verify-journal', description: 'Recalcule toute la chaîne de hachage du journal et signale le premier maillon rompu' })
export class VerifyJournalCommand extends CommandRunner {
  async run(): Promise<void> {
    const result = await withCore((core) => verifyJournal(core.get<EventStore>(EVENT_STORE)));
    if (!result.ok && result.firstFailure) {
      const f = result.firstFailure;
      throw new CliError(`Chaîne rompue : flux ${f.streamId}, révision ${f.revision} (${f.reason}). ${f.message}`);
    }
    console.log(`Journal intègre : ${result.events} événements dans ${result.streams} flux.`);
  }
}
