import { isAbsolute, resolve } from 'node:path';

/** Service configuration from the environment (ARCHITECTURE.md "Configuration"). */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  store: 'sqlite' | 'eventstoredb';
  eventStoreConnectionString: string | null;
  bootstrapAdmin: { username: string; password: string } | null;
  timezone: string;
  maxUploadBytes: number;
  maxBodyBytes: number;
  tokenTtlMinutes: number;
  /** Writes allowed per account and minute; 0 turns the limit off (benchmarks, bulk imports). */
  writeLimitPerMinute: number;
}

/** A configuration mistake, told in one sentence that names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `${name} doit être un nombre entier entre ${min} et ${max} (valeur reçue : « ${raw} »).`);
  }
  return Number(raw);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const store = (env.MC_STORE ?? 'sqlite').trim();
  if (store !== 'sqlite' && store !== 'eventstoredb') {
    throw new ConfigError('MC_STORE', `MC_STORE doit valoir « sqlite » ou « eventstoredb » (valeur reçue : « ${store} »).`);
  }
  const connection = env.EVENTSTORE_CONNECTION_STRING?.trim() || null;
  if (store === 'eventstoredb') {
    if (!connection)
      throw new ConfigError(
        'EVENTSTORE_CONNECTION_STRING',
        'EVENTSTORE_CONNECTION_STRING est requis quand MC_STORE=eventstoredb (par exemple esdb://localhost:2113?tls=false).',
      );
    if (!/^esdb(\+discover)?:\/\//.test(connection)) {
      throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'EVENTSTORE_CONNECTION_STRING doit commencer par esdb:// ou esdb+discover://.');
    }
  }

  let bootstrapAdmin: AppConfig['bootstrapAdmin'] = null;
  const bootstrap = env.MC_BOOTSTRAP_ADMIN;
  if (bootstrap !== undefined && bootstrap !== '') {
    const at = bootstrap.indexOf(':');
    if (at < 1 || at === bootstrap.length - 1) {
      throw new ConfigError('MC_BOOTSTRAP_ADMIN', 'MC_BOOTSTRAP_ADMIN doit avoir la forme nom:motdepasse.');
    }
    bootstrapAdmin = { username: bootstrap.slice(0, at), password: bootstrap.slice(at + 1) };
  }

  const timezone = env.MC_TIMEZONE?.trim() || 'Europe/Paris';
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: timezone });
  } catch {
    throw new ConfigError('MC_TIMEZONE', `MC_TIMEZONE n’est pas un fuseau horaire connu (valeur reçue : « ${timezone} »), par exemple Europe/Paris.`);
  }

  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = env.MC_DATA_DIR?.trim() || './data';
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    store,
    eventStoreConnectionString: connection,
    bootstrapAdmin,
    timezone,
    maxUploadBytes: integer(env, 'MC_MAX_UPLOAD_BYTES', 26_214_400, 1, 2 ** 31),
    maxBodyBytes: integer(env, 'MC_MAX_BODY_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    tokenTtlMinutes: integer(env, 'MC_TOKEN_TTL_MINUTES', 720, 1, 60 * 24 * 30),
    writeLimitPerMinute: integer(env, 'MC_WRITE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
  };
}
