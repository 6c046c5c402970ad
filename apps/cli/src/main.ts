#!/usr/bin/env node
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { explainError } from './explain-error';

/** CLI flags carry the same names as the environment (ARCHITECTURE.md): --data-dir sets MC_DATA_DIR. */
const FLAG_TO_ENV: Record<string, string> = {
  '--data-dir': 'MC_DATA_DIR',
  '--port': 'PORT',
  '--host': 'HOST',
  '--store': 'MC_STORE',
  '--timezone': 'MC_TIMEZONE',
  '--lang': 'MC_LANG',
};

function liftGlobalFlags(argv: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (FLAG_TO_ENV[flag]) {
      process.env[FLAG_TO_ENV[flag]] = inline ?? argv[++i];
    } else rest.push(argv[i]);
  }
  return rest;
}

/** Commander's own exits (help shown, unknown option…) have already printed what there is to say. */
function commanderExitCode(error: unknown): number | null {
  const { code, exitCode } = (error ?? {}) as { code?: unknown; exitCode?: unknown };
  return typeof code === 'string' && code.startsWith('commander.') && typeof exitCode === 'number' ? exitCode : null;
}

async function main(): Promise<void> {
  process.argv = [...process.argv.slice(0, 2), ...liftGlobalFlags(process.argv.slice(2))];
  // Only now: the commands' descriptions are read from MC_LANG when their modules load.
  const { CliModule } = await import('./cli.module');
  await CommandFactory.run(CliModule, {
    logger: ['error'],
    errorHandler: (error) => {
      const exitCode = commanderExitCode(error);
      if (exitCode === null) console.error(explainError(error));
      process.exit(exitCode ?? 1);
    },
    serviceErrorHandler: (error) => {
      console.error(explainError(error));
      process.exit(1);
    },
  });
}

void main();
