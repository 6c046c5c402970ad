import { hashPassword, passwordProblem, verifyPassword } from './password-hasher';

describe('password strength', () => {
  it.each(['court', 'onze-chars!', 'aaaaaaaaaaaaaaaa', 'abababababababab', 'Mot de passe', 'AZERTYUIOP-123', 'x'.repeat(201)])('refuses %p', (password) => {
    expect(passwordProblem(password)).not.toBeNull();
  });

  it.each(['douze-chars!', 'le chat dort sur le radiateur', 'Médiathèque-2019-bis'])('accepts %p', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('le chat dort sur le radiateur');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'le chat dort sur le radiateur')).toBe(true);
    expect(await verifyPassword(hash, 'le chat dort sur le tapis')).toBe(false);
  });
});
