import { TokenSecretError, TokenService } from '@mc/access';
import type { Clock } from '@mc/domain';
import { JournalFileUnreadableError } from '@mc/event-store';
import { SigningKeyError, loadOrCreateSigningKey } from '@mc/evidence';
import type { AppConfig } from './config/config';
import { assertStoreReachable } from './journal/event-store.factory';

/**
 * What a start can stumble on, checked before Nest builds the modules: Nest would log a failing
 * provider with its stack trace and end the process there. The store answers (the embedded
 * journal file opens, or the cluster replies), and the signing key and the token secret of the
 * data directory are readable (both are created on first start, as the modules would).
 */
export async function checkBeforeStart(config: AppConfig, clock: Clock): Promise<void> {
  await assertStoreReachable(config, clock);
  loadOrCreateSigningKey(config.dataDir);
  TokenService.secretFromDataDir(config.dataDir);
}

/** The sentence of an error an operator acts on (a journal file, signing key or token secret that cannot be used), or null. */
export function operatorSentence(error: unknown): { fr: string; en: string } | null {
  if (error instanceof JournalFileUnreadableError || error instanceof SigningKeyError || error instanceof TokenSecretError) return error.sentence;
  return null;
}
