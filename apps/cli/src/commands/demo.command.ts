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
import { recordDemoStory } from '../demo/demo-story';

export const DEMO_USER = { username: 'demo', password: 'demo-main-courante', displayName: 'Agente de la médiathèque (démo)' };

@Command({ name: 'demo', description: 'Charge un dossier d’exemple réaliste dans un journal vide et produit son dossier PDF' })
export class DemoCommand extends CommandRunner {
  async run(): Promise<void> {
    const config = loadConfig();
    const { caseId, pdf } = await withCore(async (core) => {
      const store = core.get<EventStore>(EVENT_STORE);
      if ((await store.headPosition()) > 0) {
        throw new CliError(`Le journal de ${config.dataDir} n’est pas vide : la démonstration se charge dans un journal neuf (par exemple --data-dir ./demo).`);
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
      const exported: ExportedFile = await commands.execute(new ExportCaseCommand(view, opened.caseId, 'pdf', undefined, 'fr', cid));
      const pdf = join(config.dataDir, 'demo-dossier.pdf');
      await copyFile(exported.path, pdf);
      await exported.dispose();
      return { caseId: opened.caseId, pdf };
    });
    const base = `http://${config.host}:${config.port}`;
    console.log(
      [
        'Dossier de démonstration chargé.',
        `  Dossier PDF déjà produit : ${pdf}`,
        `  Compte : ${DEMO_USER.username} / ${DEMO_USER.password}`,
        `  Démarrez le journal (npm start, avec MC_DATA_DIR=${config.dataDir}) puis téléchargez :`,
        `    ${base}/api/v1/cases/${caseId}/dossier.pdf   (dossier PDF)`,
        `    ${base}/api/v1/cases/${caseId}/bundle.zip    (paquet de preuve signé)`,
        `  avec l’en-tête « Authorization: Bearer <jeton> » obtenu par POST ${base}/api/v1/auth/login.`,
      ].join('\n'),
    );
  }
}
