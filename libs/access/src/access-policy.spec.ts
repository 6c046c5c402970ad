import { Actor, CaseCommand, CaseCommandType, CaseEvent, Grantee, Permission, RecordedCaseEvent, foldCase } from '@mc/domain';
import { AccessPolicy, accessFrom, groupsOf } from './access-policy';

const owner: Actor = { id: 'owner', username: 'bollywood', role: 'agent' };
const colleague: Actor = { id: 'colleague', username: 'ferris', role: 'agent' };
const cgtRep: Actor = { id: 'rep', username: 'louve', role: 'union_rep', union: 'CGT' };
const foRep: Actor = { id: 'rep2', username: 'renard', role: 'union_rep', union: 'FO' };
const manager: Actor = { id: 'mgr', username: 'dgs', role: 'manager' };
const admin: Actor = { id: 'adm', username: 'admin', role: 'admin' };
const policy = new AccessPolicy();

function caseOf(...events: [CaseEvent, Actor?][]) {
  return foldCase(events.map(([e, actor]) => ({ ...e, metadata: { actor: actor ?? owner, recordedAt: '2019-11-12T08:00:00.000Z' } }) as RecordedCaseEvent));
}
const opened: CaseEvent = { type: 'CaseOpened', data: { title: 'Coupure' } };
const note: CaseEvent = { type: 'NoteAdded', data: { entryId: 'n1', text: 'écrit par le propriétaire' } };
const share = (grantId: string, grantee: Grantee, permission: Permission): CaseEvent => ({
  type: 'CaseShared',
  data: { grantId, grantee, permission },
});
const code = (fn: () => void): string => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};
const write = (actor: Actor, state: ReturnType<typeof caseOf>, command: CaseCommandType | CaseCommand) =>
  code(() => policy.assertCanWriteCase(actor, state, command));

describe('AccessPolicy', () => {
  const unshared = caseOf([opened], [note]);

  it('gives the owner everything', () => {
    expect(policy.accessTo(owner, unshared)).toEqual({ owner: true, permissions: ['read', 'contribute', 'export'] });
    for (const type of ['AddNote', 'CloseCase', 'ShareCase', 'RevokeCaseAccess', 'RecordDossierExport', 'AttachEvidence'] as const) {
      expect(write(owner, unshared, type)).toBe('ok');
    }
  });

  it.each([colleague, cgtRep, manager, admin])('answers "not found" to $username ($role) on a case not shared with them, admin included', (actor) => {
    expect(policy.canReadCase(actor, unshared)).toBe(false);
    expect(code(() => policy.assertCanReadCase(actor, unshared))).toBe('NOT_FOUND');
    expect(write(actor, unshared, 'AddNote')).toBe('NOT_FOUND');
    expect(write(actor, unshared, 'RecordDossierExport')).toBe('NOT_FOUND');
    expect(code(() => policy.assertOwner(actor, unshared))).toBe('NOT_FOUND');
  });

  it('lets agents and union representatives open cases, not managers or admins', () => {
    const none = foldCase([]);
    expect(write(owner, none, 'OpenCase')).toBe('ok');
    expect(write(cgtRep, none, 'OpenCase')).toBe('ok');
    expect(write(manager, none, 'OpenCase')).toBe('FORBIDDEN');
    expect(write(admin, none, 'OpenCase')).toBe('FORBIDDEN');
  });

  it('reaches a union grant to that union’s representatives only, and management to managers only', () => {
    const state = caseOf([opened], [share('g1', { kind: 'group', id: 'union:CGT' }, 'read')], [share('g2', { kind: 'group', id: 'management' }, 'read')]);
    expect(policy.canReadCase(cgtRep, state)).toBe(true);
    expect(policy.canReadCase(foRep, state)).toBe(false);
    expect(policy.canReadCase({ ...cgtRep, union: null }, state)).toBe(false);
    expect(policy.canReadCase(manager, state)).toBe(true);
    expect(policy.canReadCase(colleague, state)).toBe(false);
    expect(policy.canReadCase(admin, state)).toBe(false);
    expect(groupsOf(cgtRep)).toEqual(['union:CGT']);
    expect(groupsOf(admin)).toEqual([]);
  });

  it('lets a reader read and nothing else: writes and exports are forbidden, not hidden', () => {
    const state = caseOf([opened], [share('g1', { kind: 'user', id: colleague.id }, 'read')]);
    expect(policy.accessTo(colleague, state)).toEqual({ owner: false, permissions: ['read'] });
    expect(write(colleague, state, 'AddNote')).toBe('FORBIDDEN');
    expect(write(colleague, state, 'AttachEvidence')).toBe('FORBIDDEN');
    expect(write(colleague, state, 'RecordDossierExport')).toBe('FORBIDDEN');
    expect(write(colleague, state, 'CloseCase')).toBe('FORBIDDEN');
    expect(code(() => policy.assertOwner(colleague, state))).toBe('FORBIDDEN');
  });

  it('lets a contributor add entries and evidence, correct only their own, and never share or close', () => {
    const state = caseOf(
      [opened],
      [note],
      [share('g1', { kind: 'group', id: 'union:CGT' }, 'contribute')],
      [{ type: 'NoteAdded', data: { entryId: 'n2', text: 'du délégué' } }, cgtRep],
    );
    expect(policy.accessTo(cgtRep, state)).toEqual({ owner: false, permissions: ['read', 'contribute'] });
    expect(write(cgtRep, state, 'AddNote')).toBe('ok');
    expect(write(cgtRep, state, 'AttachEvidence')).toBe('ok');
    const correct = (targetEntryId: string): CaseCommand => ({ type: 'CorrectEntry', data: { entryId: 'c', targetEntryId, changes: {}, reason: 'x' } });
    const retract = (targetEntryId: string): CaseCommand => ({ type: 'RetractEntry', data: { entryId: 'r', targetEntryId, reason: 'x' } });
    expect(write(cgtRep, state, correct('n2'))).toBe('ok');
    expect(write(cgtRep, state, correct('n1'))).toBe('FORBIDDEN');
    expect(write(cgtRep, state, retract('n1'))).toBe('FORBIDDEN');
    // Nor does the owner rewrite the representative's words.
    expect(write(owner, state, retract('n2'))).toBe('FORBIDDEN');
    expect(write(owner, state, retract('n1'))).toBe('ok');
    for (const type of ['ShareCase', 'RevokeCaseAccess', 'CloseCase', 'ReopenCase', 'RecordDossierExport'] as const)
      expect(write(cgtRep, state, type)).toBe('FORBIDDEN');
  });

  it('lets an exporter export (and so read) without writing', () => {
    const state = caseOf([opened], [share('g1', { kind: 'group', id: 'management' }, 'export')]);
    expect(policy.accessTo(manager, state)).toEqual({ owner: false, permissions: ['read', 'export'] });
    expect(write(manager, state, 'RecordDossierExport')).toBe('ok');
    expect(write(manager, state, 'AddNote')).toBe('FORBIDDEN');
  });

  it('takes a revoked grant away at once, and an explicit grant to an admin counts like any other', () => {
    const shared = caseOf([opened], [share('g1', { kind: 'user', id: admin.id }, 'read')]);
    expect(policy.canReadCase(admin, shared)).toBe(true);
    const revoked = caseOf(
      [opened],
      [share('g1', { kind: 'user', id: admin.id }, 'read')],
      [{ type: 'CaseAccessRevoked', data: { grantId: 'g1', reason: 'fin' } }],
    );
    expect(policy.canReadCase(admin, revoked)).toBe(false);
    expect(write(admin, revoked, 'AddNote')).toBe('NOT_FOUND');
  });

  it('combines several grants', () => {
    expect(
      accessFrom(cgtRep, 'owner', [
        { grantee: { kind: 'group', id: 'union:CGT' }, permission: 'export', active: true },
        { grantee: { kind: 'user', id: 'rep' }, permission: 'contribute', active: true },
        { grantee: { kind: 'user', id: 'rep' }, permission: 'read', active: false },
      ]),
    ).toEqual({ owner: false, permissions: ['read', 'contribute', 'export'] });
  });
});
