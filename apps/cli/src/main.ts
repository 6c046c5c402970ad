#!/usr/bin/env node
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { explainError } from './explain-error';

/** CLI flags carry the same names as the environment (ARCHITECTURE.md): --data-dir sets MC_DATA_DIR. */
const FLAG_TO_ENV: Record<string, string> = {
  '--data-dir': 'MC_DATA_DIR',
  '--port': 'PORT',
  '--host': 'HOST',
  '--store': 'MC_STORE',
  '--timezone': 'MC_TIMEZONE',
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

async function main(): Promise<void> {
  process.argv = [...process.argv.slice(0, 2), ...liftGlobalFlags(process.argv.slice(2))];
  await CommandFactory.run(CliModule, {
    logger: ['error'],
    errorHandler: (error) => {
      console.error(explainError(error));
      process.exit(1);
    },
    serviceErrorHandler: (error) => {
      console.error(explainError(error));
      process.exit(1);
    },
  });
}

void main();
