import { Actor, CaseEvent, foldCase } from '@mc/domain';
import { AccessPolicy } from './access-policy';

const owner: Actor = { id: 'owner', username: 'bollywood', role: 'agent' };
const others: Actor[] = [
  { id: 'other', username: 'ferris', role: 'agent' },
  { id: 'rep', username: 'louve', role: 'union_rep' },
  { id: 'mgr', username: 'dgs', role: 'manager' },
  { id: 'adm', username: 'admin', role: 'admin' },
];
const state = foldCase([
  { type: 'CaseOpened', data: { title: 'Coupure' }, metadata: { actor: owner, recordedAt: '2019-11-12T08:00:00.000Z' } } as CaseEvent & { metadata: never },
]);
const policy = new AccessPolicy();

describe('AccessPolicy (before sharing exists)', () => {
  it('lets the owner read and write', () => {
    expect(policy.canReadCase(owner, state)).toBe(true);
    expect(() => policy.assertCanWriteCase(owner, state, 'AddNote')).not.toThrow();
  });

  it.each(others)('answers "not found" to $role who is not the owner, admin included', (actor) => {
    expect(policy.canReadCase(actor, state)).toBe(false);
    expect(() => policy.assertCanReadCase(actor, state)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => policy.assertCanWriteCase(actor, state, 'AddNote')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(policy.canSeeCaseRow(actor, { ownerId: 'owner' })).toBe(false);
  });

  it('lets agents and union representatives open cases, not managers or admins', () => {
    const none = foldCase([]);
    expect(() => policy.assertCanWriteCase(owner, none, 'OpenCase')).not.toThrow();
    expect(() => policy.assertCanWriteCase(others[1], none, 'OpenCase')).not.toThrow();
    expect(() => policy.assertCanWriteCase(others[2], none, 'OpenCase')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => policy.assertCanWriteCase(others[3], none, 'OpenCase')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
