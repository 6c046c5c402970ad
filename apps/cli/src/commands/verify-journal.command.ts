import { Command, CommandRunner } from 'nest-commander';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { verifyJournal } from '@mc/api/integrity/verify-journal.query';
import { withCore } from '../core-context';
import { CliError } from '../cli-error';
import { say } from '../cli-language';

@Command({
  name: 'verify-journal',
  description: say({
    fr: 'Recalcule toute la chaîne de hachage du journal et signale le premier maillon rompu',
    en: 'Recomputes the whole hash chain of the journal and reports the first broken link',
  }),
})
export class VerifyJournalCommand extends CommandRunner {
  async run(): Promise<void> {
    const result = await withCore((core) => verifyJournal(core.get<EventStore>(EVENT_STORE)));
    if (!result.ok && result.firstFailure) {
      const f = result.firstFailure;
      throw new CliError({
        fr: `Chaîne rompue : flux ${f.streamId}, révision ${f.revision} (${f.reason}). ${f.message}`,
        en: `Broken chain: stream ${f.streamId}, revision ${f.revision} (${f.reason}). ${f.message}`,
      });
    }
    const { events, streams } = result;
    console.log(
      say({
        fr: `Journal intègre : ${events} événements dans ${streams} flux.`,
        en: `Journal intact: ${events} event${events === 1 ? '' : 's'} in ${streams} stream${streams === 1 ? '' : 's'}.`,
      }),
    );
  }
}
