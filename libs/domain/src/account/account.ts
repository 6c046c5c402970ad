import { ROLES, Role } from '../actor';
import { DomainError } from '../errors';

/** Account stream `account-<uuid>` (EVENTS.md). Who had which role when is part of the record. */
export const ACCOUNT_SCHEMA_VERSION = 1;

export type AccountEvent =
  | { type: 'AccountCreated'; data: { username: string; displayName: string; role: Role; union?: string } }
  | { type: 'PasswordChanged'; data: { passwordHash: string } }
  | { type: 'RoleChanged'; data: { role: Role; union?: string } }
  | { type: 'AccountDisabled'; data: { reason?: string } }
  | { type: 'AccountEnabled'; data: { reason?: string } };

export type AccountCommand =
  | { type: 'CreateAccount'; data: { username: string; displayName: string; role: Role; union?: string; passwordHash: string } }
  | { type: 'ChangePassword'; data: { passwordHash: string } }
  | { type: 'ChangeRole'; data: { role: Role; union?: string } }
  | { type: 'DisableAccount'; data: { reason?: string } }
  | { type: 'EnableAccount'; data: { reason?: string } };

export interface AccountState {
  exists: boolean;
  username: string;
  displayName: string;
  role: Role;
  union: string | null;
  passwordHash: string | null;
  disabled: boolean;
  /** Bumped by every password change: tokens issued before it stop working. */
  credentialVersion: number;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Usernames are compared case-insensitively: "Bollywood" and "bollywood" are one account. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function initialAccountState(): AccountState {
  return { exists: false, username: '', displayName: '', role: 'agent', union: null, passwordHash: null, disabled: false, credentialVersion: 0 };
}

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountCreated':
      return {
        ...state,
        exists: true,
        username: event.data.username,
        displayName: event.data.displayName,
        role: event.data.role,
        union: event.data.union ?? null,
      };
    case 'PasswordChanged':
      return { ...state, passwordHash: event.data.passwordHash, credentialVersion: state.credentialVersion + 1 };
    case 'RoleChanged':
      return { ...state, role: event.data.role, union: event.data.union ?? null };
    case 'AccountDisabled':
      return { ...state, disabled: true };
    case 'AccountEnabled':
      return { ...state, disabled: false };
    default: {
      const never: never = event;
      return never;
    }
  }
}

export function foldAccount(events: Iterable<AccountEvent>): AccountState {
  let state = initialAccountState();
  for (const e of events) state = evolveAccount(state, e);
  return state;
}

function checkRole(role: Role, union: string | undefined): void {
  if (!ROLES.includes(role)) {
    throw DomainError.of('INVALID_INPUT', 'role', `Le rôle doit être l’un de : ${ROLES.join(', ')}.`, `role must be one of: ${ROLES.join(', ')}.`);
  }
  if (role === 'union_rep' && !union?.trim()) {
    throw DomainError.of(
      'INVALID_INPUT',
      'union',
      'Un représentant syndical doit indiquer son syndicat (champ « union »).',
      'A union representative must name their union (union).',
    );
  }
  if (role !== 'union_rep' && union !== undefined) {
    throw DomainError.of(
      'INVALID_INPUT',
      'union',
      'Seul un représentant syndical appartient à un syndicat (champ « union »).',
      'Only a union representative belongs to a union (union).',
    );
  }
}

export function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  if (command.type === 'CreateAccount') {
    const { username, displayName, role, union, passwordHash } = command.data;
    if (state.exists) throw DomainError.of('STATE_CONFLICT', 'username', 'Ce nom d’utilisateur est déjà pris.', 'This username is already taken.');
    if (!USERNAME_PATTERN.test(username)) {
      throw DomainError.of(
        'INVALID_INPUT',
        'username',
        'Le nom d’utilisateur fait 2 à 64 caractères : minuscules, chiffres, point, tiret ou souligné.',
        'The username is 2 to 64 characters: lowercase letters, digits, dot, dash or underscore.',
      );
    }
    checkRole(role, union);
    return [
      { type: 'AccountCreated', data: { username, displayName, role, ...(union !== undefined ? { union: union.trim() } : {}) } },
      { type: 'PasswordChanged', data: { passwordHash } },
    ];
  }
  if (!state.exists) throw DomainError.of('NOT_FOUND', 'accountId', 'Compte introuvable.', 'Account not found.');
  switch (command.type) {
    case 'ChangePassword':
      return [{ type: 'PasswordChanged', data: command.data }];
    case 'ChangeRole':
      checkRole(command.data.role, command.data.union);
      return [{ type: 'RoleChanged', data: command.data }];
    case 'DisableAccount':
      if (state.disabled) throw DomainError.of('STATE_CONFLICT', 'accountId', 'Ce compte est déjà désactivé.', 'This account is already disabled.');
      return [{ type: 'AccountDisabled', data: command.data }];
    case 'EnableAccount':
      if (!state.disabled) throw DomainError.of('STATE_CONFLICT', 'accountId', 'Ce compte est déjà actif.', 'This account is already enabled.');
      return [{ type: 'AccountEnabled', data: command.data }];
    default: {
      const never: never = command;
      return never;
    }
  }
}
