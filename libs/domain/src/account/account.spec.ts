import { DomainError } from '../errors';
import { AccountEvent, decideAccount, foldAccount } from './account';

const created: AccountEvent[] = [
  { type: 'AccountCreated', data: { username: 'bollywood', displayName: 'Bollywood', role: 'agent' } },
  { type: 'PasswordChanged', data: { passwordHash: 'h1' } },
];

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    return (e as DomainError).code + ':' + (e as DomainError).problems[0].field;
  }
  return 'accepted';
};

describe('Account decider', () => {
  it('creates an account with its password hash, once', () => {
    const cmd = { type: 'CreateAccount' as const, data: { username: 'bollywood', displayName: 'Bollywood', role: 'agent' as const, passwordHash: 'h1' } };
    expect(decideAccount(cmd, foldAccount([]))).toEqual(created);
    expect(codeOf(() => decideAccount(cmd, foldAccount(created)))).toBe('STATE_CONFLICT:username');
  });

  it('requires a union for union representatives only, and a valid username', () => {
    const base = { displayName: 'X', passwordHash: 'h' };
    expect(codeOf(() => decideAccount({ type: 'CreateAccount', data: { ...base, username: 'rep', role: 'union_rep' } }, foldAccount([])))).toBe(
      'INVALID_INPUT:union',
    );
    expect(codeOf(() => decideAccount({ type: 'CreateAccount', data: { ...base, username: 'rep', role: 'union_rep', union: 'CGT' } }, foldAccount([])))).toBe(
      'accepted',
    );
    expect(codeOf(() => decideAccount({ type: 'CreateAccount', data: { ...base, username: 'mgr', role: 'manager', union: 'CGT' } }, foldAccount([])))).toBe(
      'INVALID_INPUT:union',
    );
    expect(codeOf(() => decideAccount({ type: 'CreateAccount', data: { ...base, username: '../etc', role: 'agent' } }, foldAccount([])))).toBe(
      'INVALID_INPUT:username',
    );
    expect(codeOf(() => decideAccount({ type: 'CreateAccount', data: { ...base, username: 'x', role: 'boss' as never } }, foldAccount([])))).toBe(
      'INVALID_INPUT:username',
    );
  });

  it('bumps the credential version on password change and tracks disabling', () => {
    const state = foldAccount([...created, { type: 'PasswordChanged', data: { passwordHash: 'h2' } }, { type: 'AccountDisabled', data: {} }]);
    expect(state.credentialVersion).toBe(2);
    expect(state.passwordHash).toBe('h2');
    expect(state.disabled).toBe(true);
    expect(codeOf(() => decideAccount({ type: 'DisableAccount', data: {} }, state))).toBe('STATE_CONFLICT:accountId');
    expect(decideAccount({ type: 'EnableAccount', data: {} }, state)).toEqual([{ type: 'AccountEnabled', data: {} }]);
  });
});
