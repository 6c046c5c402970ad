import Database from 'better-sqlite3';
import type { PositionedEvent, StoredEvent } from '@mc/event-store/event-store.port';
import { CaseRecords } from '../testing/case-records';
import { agent, CASE_ID, colleague, seedStory } from '../testing/seed-story';
import type { SqliteDatabase } from '../runner/sql-projection';
import { caseListProjection, getCaseRow, listCasesOwnedBy, listCasesVisibleTo } from './case-list.projection';

/** Given records, when applied in order (positions from 1), then the db holds the list. */
function project(records: StoredEvent[]): SqliteDatabase {
  const db = new Database(':memory:');
  caseListProjection.setup(db);
  records.forEach((record, i) => {
    const event: PositionedEvent = { position: i + 1, record };
    caseListProjection.apply(db, event);
  });
  return db;
}

describe('case_list projection', () => {
  describe('given the seed story', () => {
    const { records, streamId } = seedStory();
    const db = project(records);

    it('then the case has one row with its owner, status and counts', () => {
      expect(getCaseRow(db, CASE_ID)).toEqual({
        id: CASE_ID,
        streamId,
        title: 'Coupure des accès de la médiathèque par le prestataire',
        status: 'closed',
        ownerId: agent.id,
        openedAt: '2019-11-12T09:10:00.000Z',
        openedBy: { id: agent.id, username: agent.username },
        lastRecordedAt: '2019-12-02T10:00:00.000Z',
        revision: records.length - 1,
        counts: { entries: 11, corrections: 1, retractions: 1, evidence: 1 },
      });
    });

    it('then an unknown case has no row', () => {
      expect(getCaseRow(db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    });
  });

  describe('given several cases and events of other streams', () => {
    const older = new CaseRecords('aaaaaaaa-0000-4000-8000-000000000001', agent);
    const newer = new CaseRecords('bbbbbbbb-0000-4000-8000-000000000002', agent);
    const theirs = new CaseRecords('cccccccc-0000-4000-8000-000000000003', colleague);
    const interleaved: StoredEvent[] = [
      older.add('CaseOpened', { title: 'Ancien' }, '2019-11-01T10:00:00.000Z'),
      newer.add('CaseOpened', { title: 'Récent' }, '2019-11-02T10:00:00.000Z'),
      theirs.add('CaseOpened', { title: 'Celui de la collègue' }, '2019-11-03T10:00:00.000Z'),
      {
        ...older.records[0]!,
        streamId: 'provider-1',
        type: 'ProviderRegistered',
        data: { name: 'Infogérance SA' },
      },
      older.add('NoteAdded', { entryId: 'n1', text: 'relance' }, '2019-11-04T10:00:00.000Z'),
      older.add('EntryRetracted', { entryId: 'r1', targetEntryId: 'n1', reason: 'doublon' }, '2019-11-04T11:00:00.000Z'),
    ];
    const db = project(interleaved);

    it('then the owner sees their cases, most recently active first', () => {
      const rows = listCasesOwnedBy(db, agent.id);
      expect(rows.map((r) => r.title)).toEqual(['Ancien', 'Récent']);
      expect(rows[0]).toMatchObject({ lastRecordedAt: '2019-11-04T11:00:00.000Z', revision: 2, status: 'open' });
      expect(rows[0]!.counts).toEqual({ entries: 1, corrections: 0, retractions: 1, evidence: 0 });
      expect(listCasesOwnedBy(db, colleague.id).map((r) => r.title)).toEqual(['Celui de la collègue']);
    });

    it('then other streams leave no row', () => {
      const count = db.prepare('SELECT COUNT(*) AS n FROM case_list').get() as { n: number };
      expect(count.n).toBe(3);
    });

    it('when reset, then the list is empty and can be set up again', () => {
      const copy = project(interleaved);
      caseListProjection.reset(copy);
      caseListProjection.setup(copy);
      expect(listCasesOwnedBy(copy, agent.id)).toEqual([]);
    });
  });

  describe('given cases shared with a user, a union and management, one grant revoked', () => {
    const first = new CaseRecords('aaaaaaaa-0000-4000-8000-000000000001', agent);
    const second = new CaseRecords('bbbbbbbb-0000-4000-8000-000000000002', agent);
    const db = project([
      first.add('CaseOpened', { title: 'Premier' }, '2019-11-01T10:00:00.000Z'),
      second.add('CaseOpened', { title: 'Second' }, '2019-11-02T10:00:00.000Z'),
      first.add('CaseShared', { grantId: 'g1', grantee: { kind: 'user', id: colleague.id }, permission: 'read' }, '2019-11-03T10:00:00.000Z'),
      first.add('CaseShared', { grantId: 'g2', grantee: { kind: 'group', id: 'union:CGT' }, permission: 'export' }, '2019-11-03T10:01:00.000Z'),
      second.add('CaseShared', { grantId: 'g3', grantee: { kind: 'group', id: 'management' }, permission: 'read' }, '2019-11-03T10:02:00.000Z'),
      second.add('CaseShared', { grantId: 'g4', grantee: { kind: 'user', id: colleague.id }, permission: 'contribute' }, '2019-11-03T10:03:00.000Z'),
      second.add('CaseAccessRevoked', { grantId: 'g4', reason: 'fin de mission' }, '2019-11-03T10:04:00.000Z'),
    ]);
    const titles = (reader: { userId: string; groups: string[] }) => listCasesVisibleTo(db, reader).map((r) => r.title);

    it('then each reader sees the cases owned or granted to them or their groups, with the grants that reach them', () => {
      expect(titles({ userId: agent.id, groups: [] })).toEqual(['Second', 'Premier']);
      expect(titles({ userId: colleague.id, groups: [] })).toEqual(['Premier']);
      expect(listCasesVisibleTo(db, { userId: colleague.id, groups: [] })[0]!.grants).toEqual([
        { grantee: { kind: 'user', id: colleague.id }, permission: 'read', active: true },
      ]);
      expect(titles({ userId: 'rep', groups: ['union:CGT'] })).toEqual(['Premier']);
      expect(titles({ userId: 'rep', groups: ['union:FO'] })).toEqual([]);
      expect(titles({ userId: 'mgr', groups: ['management'] })).toEqual(['Second']);
      expect(titles({ userId: 'nobody', groups: [] })).toEqual([]);
    });
  });
});
