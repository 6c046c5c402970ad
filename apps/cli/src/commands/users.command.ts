import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ROLES, Role } from '@mc/domain';
import { CreateAccountCommand } from '@mc/api/accounts/commands/create-account/create-account.command';
import { withCore } from '../core-context';
import { promptHidden, readStdin } from '../prompt';
import { CliError } from '../cli-error';
import { say } from '../cli-language';

interface AddOptions {
  role: Role;
  displayName?: string;
  union?: string;
  passwordStdin?: boolean;
}

@SubCommand({
  name: 'add',
  arguments: '<username>',
  description: say({
    fr: 'Crée un compte (mot de passe demandé, ou lu sur l’entrée standard avec --password-stdin)',
    en: 'Creates an account (password prompted for, or read from standard input with --password-stdin)',
  }),
})
export class UsersAddCommand extends CommandRunner {
  async run([username]: string[], options: AddOptions): Promise<void> {
    let password: string;
    if (options.passwordStdin) password = await readStdin();
    else if (process.stdin.isTTY) {
      password = await promptHidden(say({ fr: `Mot de passe pour ${username} : `, en: `Password for ${username}: ` }));
      if ((await promptHidden(say({ fr: 'Confirmez le mot de passe : ', en: 'Confirm the password: ' }))) !== password) {
        throw new CliError({ fr: 'Les deux mots de passe diffèrent : rien n’a été créé.', en: 'The two passwords differ: nothing was created.' });
      }
    } else {
      throw new CliError({
        fr: 'Pas de terminal pour demander le mot de passe : utilisez --password-stdin.',
        en: 'No terminal to ask for the password: use --password-stdin.',
      });
    }

    const account = await withCore((core) =>
      core
        .get(CommandBus)
        .execute(
          new CreateAccountCommand(
            { username, role: options.role ?? 'agent', displayName: options.displayName, union: options.union, password },
            null,
            randomUUID(),
          ),
        ),
    );
    const who = `${account.username} (${account.role}${account.union ? `, ${account.union}` : ''})`;
    console.log(say({ fr: `Compte créé : ${who}, identifiant ${account.id}.`, en: `Account created: ${who}, id ${account.id}.` }));
  }

  @Option({
    flags: '-r, --role <role>',
    description: say({ fr: `rôle : ${ROLES.join(', ')} (agent par défaut)`, en: `role: ${ROLES.join(', ')} (agent by default)` }),
  })
  parseRole(value: string): Role {
    if (!(ROLES as readonly string[]).includes(value)) {
      throw new CliError({
        fr: `Rôle inconnu « ${value} » : choisissez parmi ${ROLES.join(', ')}.`,
        en: `Unknown role "${value}": choose from ${ROLES.join(', ')}.`,
      });
    }
    return value as Role;
  }

  @Option({ flags: '-n, --display-name <name>', description: say({ fr: 'nom affiché', en: 'display name' }) })
  parseDisplayName(value: string): string {
    return value;
  }

  @Option({ flags: '-u, --union <union>', description: say({ fr: 'syndicat (pour le rôle union_rep)', en: 'union (for the union_rep role)' }) })
  parseUnion(value: string): string {
    return value;
  }

  @Option({ flags: '--password-stdin', description: say({ fr: 'lit le mot de passe sur l’entrée standard', en: 'reads the password from standard input' }) })
  parsePasswordStdin(): boolean {
    return true;
  }
}

@Command({ name: 'users', description: say({ fr: 'Gère les comptes', en: 'Manages accounts' }), subCommands: [UsersAddCommand] })
export class UsersCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new CliError({
      fr: 'Précisez une action, par exemple : main-courante users add --role admin <nom>',
      en: 'Name an action, for example: main-courante users add --role admin <name>',
    });
  }
}
