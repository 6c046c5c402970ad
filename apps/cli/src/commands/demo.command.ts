import { randomUUID } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Command, CommandRunner } from 'nest-commander';
import { Accounts, actorOf } from '@mc/access';
import type { Actor } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { CreateAccountCommand } from '@mc/api/accounts/commands/create-account/create-account.command';
import { CaseWriteResult, ExecuteCaseCommand } from '@mc/api/cases/commands/execute-case-command/execute-case-command.command';
import { ExportCaseCommand, ExportedFile } from '@mc/api/exports/export-case.command';
import { loadConfig } from '@mc/api/config/config';
import { withCore } from '../core-context';
import { CliError } from '../cli-error';
import { cliLanguage, say } from '../cli-language';
import { recordDemoStory } from '../demo/demo-story';

export const DEMO_USER = { username: 'demo', password: 'demo-main-courante', displayName: 'Agente de la médiathèque (démo)' };

@Command({
  name: 'demo',
  description: say({
    fr: 'Charge un dossier d’exemple réaliste dans un journal vide et produit son dossier PDF',
    en: 'Loads a realistic sample case into an empty journal and produces its PDF dossier',
  }),
})
export class DemoCommand extends CommandRunner {
  async run(): Promise<void> {
    const config = loadConfig();
    const { caseId, pdf } = await withCore(async (core) => {
      const store = core.get<EventStore>(EVENT_STORE);
      if ((await store.headPosition()) > 0) {
        throw new CliError({
          fr: `Le journal de ${config.dataDir} n’est pas vide : la démonstration se charge dans un journal neuf (par exemple --data-dir ./demo).`,
          en: `The journal in ${config.dataDir} is not empty: the demo loads into a new journal (for example --data-dir ./demo).`,
        });
      }
      const commands = core.get(CommandBus);
      const cid = randomUUID();
      const account = await commands.execute(new CreateAccountCommand({ ...DEMO_USER, role: 'agent' }, null, cid));
      const actor: Actor = actorOf(account);
      const opened: CaseWriteResult = await commands.execute(
        new ExecuteCaseCommand(
          null,
          {
            type: 'OpenCase',
            data: { title: 'Coupure des accès de la médiathèque par le prestataire', service: 'Médiathèque', organisation: 'Communauté de communes' },
          },
          actor,
          cid,
        ),
      );
      await recordDemoStory(new Date(), async (type, data) => {
        const result: CaseWriteResult = await commands.execute(new ExecuteCaseCommand(opened.caseId, { type, data }, actor, cid));
        return result.assignedId?.value ?? null;
      });
      const view = (await core.get(Accounts).findById(account.id))!.view;
      const exported: ExportedFile = await commands.execute(new ExportCaseCommand(view, opened.caseId, 'pdf', undefined, cliLanguage(), cid));
      const pdf = join(config.dataDir, 'demo-dossier.pdf');
      await copyFile(exported.path, pdf);
      await exported.dispose();
      return { caseId: opened.caseId, pdf };
    });
    const base = `http://${config.host}:${config.port}`;
    console.log(
      [
        say({ fr: 'Dossier de démonstration chargé.', en: 'Demo case loaded.' }),
        say({ fr: `  Dossier PDF déjà produit : ${pdf}`, en: `  PDF dossier already produced: ${pdf}` }),
        say({ fr: `  Compte : ${DEMO_USER.username} / ${DEMO_USER.password}`, en: `  Account: ${DEMO_USER.username} / ${DEMO_USER.password}` }),
        say({
          fr: `  Démarrez le journal (npm start, avec MC_DATA_DIR=${config.dataDir}) puis téléchargez :`,
          en: `  Start the journal (npm start, with MC_DATA_DIR=${config.dataDir}) then download:`,
        }),
        say({ fr: `    ${base}/api/v1/cases/${caseId}/dossier.pdf   (dossier PDF)`, en: `    ${base}/api/v1/cases/${caseId}/dossier.pdf   (PDF dossier)` }),
        say({
          fr: `    ${base}/api/v1/cases/${caseId}/bundle.zip    (paquet de preuve signé)`,
          en: `    ${base}/api/v1/cases/${caseId}/bundle.zip    (signed evidence bundle)`,
        }),
        say({
          fr: `  avec l’en-tête « Authorization: Bearer <jeton> » obtenu par POST ${base}/api/v1/auth/login.`,
          en: `  with the header "Authorization: Bearer <token>" obtained by POST ${base}/api/v1/auth/login.`,
        }),
      ].join('\n'),
    );
  }
}
