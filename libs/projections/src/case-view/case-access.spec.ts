import type { StoredEvent } from '@mc/event-store/event-store.port';
import { CaseRecords } from '../testing/case-records';
import { agent, CASE_ID, unionRep } from '../testing/seed-story';
import { auditTrail, readDetailFields } from './case-access';

/** The audit stream's reads, as apps/api's CaseReader records them. */
function reads(...details: [string, string | undefined][]): StoredEvent[] {
  const audit = new CaseRecords(CASE_ID, unionRep);
  details.forEach(([what, detail], i) => audit.add('CaseContentRead', { caseId: CASE_ID, what, ...(detail ? { detail } : {}) }, `2026-11-23T08:4${i}:00.000Z`));
  return audit.records;
}

describe('auditTrail', () => {
  const c = new CaseRecords(CASE_ID, agent);
  c.add('CaseOpened', { title: 'Coupure' }, '2026-11-23T08:00:00.000Z');
  c.add('DossierExported', { exportId: 'x-1', format: 'pdf', asOf: '2026-11-23T08:40:59.221Z', sha256: '43dc'.repeat(16) }, '2026-11-23T08:41:00.000Z');

  describe('given an export of the PDF dossier', () => {
    it('then the entry says as of when and which file, in fields of their own, the recorded detail unchanged', () => {
      const [exported] = auditTrail(c.records, []);
      expect(exported).toMatchObject({
        action: 'export',
        what: 'pdf',
        asOf: '2026-11-23T08:40:59.221Z',
        sha256: '43dc'.repeat(16),
        detail: `asOf 2026-11-23T08:40:59.221Z sha256 ${'43dc'.repeat(16)}`,
      });
      expect(exported).not.toHaveProperty('purpose');
    });
  });

  describe('given a share revoked with a reason', () => {
    it('then the revocation carries the reason in a field of its own', () => {
      const shared = new CaseRecords(CASE_ID, agent);
      const grantee = { kind: 'group', id: 'union:CGT' };
      shared.add('CaseShared', { grantId: 'g-1', grantee, permission: 'export' }, '2026-11-23T08:10:00.000Z');
      shared.add('CaseAccessRevoked', { grantId: 'g-1', reason: 'Fin de l’accompagnement.' }, '2026-11-23T08:20:00.000Z');
      expect(auditTrail(shared.records, [])[0]).toMatchObject({ action: 'revoke', what: 'export', grantee, reason: 'Fin de l’accompagnement.' });
    });
  });

  describe('given reads by the union representative', () => {
    it('then an attachment read names the file, and a replay its date and basis', () => {
      const trail = auditTrail(
        [],
        reads(['evidence', '6f02d077-8127-4c24-b4cb-f99f5daa6395 ecran messagerie bloquée.png'], ['timeline', 'occurred 2019-11-13T12:00:00+01:00']),
      );
      expect(trail[1]).toMatchObject({ what: 'evidence', evidenceId: '6f02d077-8127-4c24-b4cb-f99f5daa6395', fileName: 'ecran messagerie bloquée.png' });
      expect(trail[0]).toMatchObject({ what: 'timeline', basis: 'occurred', asOf: '2019-11-13T12:00:00+01:00' });
    });
  });
});

describe('readDetailFields', () => {
  it('reads each kind of detail the service writes, and leaves an unknown one alone', () => {
    expect(readDetailFields('summary', '2026-01-01T00:00:00Z')).toEqual({ asOf: '2026-01-01T00:00:00Z' });
    expect(readDetailFields('changes', '/2026-01-01T00:00:00Z')).toEqual({ to: '2026-01-01T00:00:00Z' });
    expect(readDetailFields('scorecard', 'p-1 2026-01-01/2026-02-01')).toEqual({ providerId: 'p-1', from: '2026-01-01', to: '2026-02-01' });
    expect(readDetailFields('deadlines', undefined)).toEqual({});
    expect(readDetailFields('something-new', 'x y')).toEqual({});
  });
});
