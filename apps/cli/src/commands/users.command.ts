import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ROLES, Role } from '@mc/domain';
import { CreateAccountCommand } from '@mc/api/accounts/commands/create-account/create-account.command';
import { withCore } from '../core-context';
import { promptHidden, readStdin } from '../prompt';
import { CliError } from '../cli-error';

interface AddOptions {
  role: Role;
  displayName?: string;
  union?: string;
  passwordStdin?: boolean;
}

@SubCommand({ name: 'add', arguments: '<username>', description: 'Crée un compte (mot de passe demandé, ou lu sur l’entrée standard avec --password-stdin)' })
export class UsersAddCommand extends CommandRunner {
  async run([username]: string[], options: AddOptions): Promise<void> {
    let password: string;
    if (options.passwordStdin) password = await readStdin();
    else if (process.stdin.isTTY) {
      password = await promptHidden(`Mot de passe pour ${username} : `);
      if ((await promptHidden('Confirmez le mot de passe : ')) !== password) throw new CliError('Les deux mots de passe diffèrent : rien n’a été créé.');
    } else throw new CliError('Pas de terminal pour demander le mot de passe : utilisez --password-stdin.');

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
    console.log(`Compte créé : ${account.username} (${account.role}${account.union ? `, ${account.union}` : ''}), identifiant ${account.id}.`);
  }

  @Option({ flags: '-r, --role <role>', description: `rôle : ${ROLES.join(', ')} (agent par défaut)` })
  parseRole(value: string): Role {
    if (!(ROLES as readonly string[]).includes(value)) throw new CliError(`Rôle inconnu « ${value} » : choisissez parmi ${ROLES.join(', ')}.`);
    return value as Role;
  }

  @Option({ flags: '-n, --display-name <name>', description: 'nom affiché' })
  parseDisplayName(value: string): string {
    return value;
  }

  @Option({ flags: '-u, --union <union>', description: 'syndicat (pour le rôle union_rep)' })
  parseUnion(value: string): string {
    return value;
  }

  @Option({ flags: '--password-stdin', description: 'lit le mot de passe sur l’entrée standard' })
  parsePasswordStdin(): boolean {
    return true;
  }
}

@Command({ name: 'users', description: 'Gère les comptes', subCommands: [UsersAddCommand] })
export class UsersCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new CliError('Précisez une action, par exemple : main-courante users add --role admin <nom>');
  }
}
