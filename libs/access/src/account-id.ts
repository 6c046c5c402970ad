import { v5 as uuidv5 } from 'uuid';
import { normalizeUsername } from '@mc/domain';

// Fixed namespace of Main courante account ids. Deriving the id from the username makes the
// account stream itself the uniqueness guard: two creations of one username race on NO_STREAM,
// and the store lets exactly one win (no cross-stream transaction needed).
const ACCOUNT_NAMESPACE = '0b4c5d1e-8f2a-4c8e-9a51-6d3f2b7e1c90';

export function accountIdFor(username: string): string {
  return uuidv5(normalizeUsername(username), ACCOUNT_NAMESPACE);
}

export const accountStream = (accountId: string): string => `account-${accountId}`;
