import { DomainError } from '../errors';
import { CaseCommand } from './case.commands';
import { decideCase } from './case.decide';
import { CaseEvent, Resource } from './case.events';
import { RecordedCaseEvent, foldCase } from './case.state';

const agent = { id: 'a1', username: 'bollywood', role: 'agent' as const };
const NOW = new Date('2019-11-20T10:00:00.000Z');

function given(...events: CaseEvent[]) {
  const recorded: RecordedCaseEvent[] = events.map((e) => ({ ...e, metadata: { actor: agent, recordedAt: NOW.toISOString() } }));
  const state = foldCase(recorded);
  return {
    when(command: CaseCommand) {
      const run = () => decideCase(command, state, { now: NOW });
      return {
        then: (expected: CaseEvent[]) => expect(run()).toEqual(expected),
        thenFails(code: DomainError['code'], field: string) {
          try {
            run();
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).code).toBe(code);
            expect((e as DomainError).problems.map((p) => p.field)).toContain(field);
            expect((e as DomainError).problems[0].fr).toMatch(/\S/);
            return;
          }
          throw new Error('expected the command to be refused');
        },
      };
    },
  };
}

const opened: CaseEvent = { type: 'CaseOpened', data: { title: 'Coupure des accès de la médiathèque', service: 'Médiathèque' } };
const cutOff: CaseEvent = {
  type: 'AccessCutOff',
  data: {
    entryId: 'cut-1',
    occurredAt: '2019-11-12T08:30:00+01:00',
    resources: [{ kind: 'mailbox' }, { kind: 'chat' }, { kind: 'file_server' }],
    decidedBy: 'provider',
    priorNotice: 'none',
  },
};
const letter: CaseEvent = {
  type: 'WrittenRequestSent',
  data: {
    entryId: 'req-1',
    sentAt: '2019-11-13T09:00:00+01:00',
    channel: 'letter',
    from: 'Bollywood',
    to: 'Président',
    subject: 'Sanction disciplinaire ?',
    kind: 'question_to_hierarchy',
  },
};
const restore = (entryId: string, occurredAt: string, resources?: Resource[]): CaseCommand => ({
  type: 'RecordAccessRestoration',
  data: { entryId, cutOffEntryId: 'cut-1', occurredAt, ...(resources ? { resources } : {}) },
});

describe('Case decider', () => {
  it('opens a case once', () => {
    given()
      .when({ type: 'OpenCase', data: opened.data as never })
      .then([opened]);
    given(opened)
      .when({ type: 'OpenCase', data: opened.data as never })
      .thenFails('STATE_CONFLICT', 'caseId');
  });

  it('refuses entries on a case that does not exist', () => {
    given()
      .when({ type: 'AddNote', data: { entryId: 'n1', text: 'x' } })
      .thenFails('NOT_FOUND', 'caseId');
  });

  it('records a cut-off and a restoration two days later', () => {
    const cmd = restore('res-1', '2019-11-14T08:30:00+01:00');
    given(opened, cutOff)
      .when(cmd)
      .then([{ type: 'AccessRestored', data: cmd.data as never }]);
  });

  it('refuses a restoration earlier than its cut-off, comparing instants across offsets', () => {
    // 07:29 UTC is before 08:30+01:00 (07:30 UTC)
    given(opened, cutOff).when(restore('res-1', '2019-11-12T07:29:00Z')).thenFails('RULE_VIOLATED', 'occurredAt');
    given(opened, cutOff)
      .when(restore('res-1', '2019-11-12T07:30:00Z'))
      .then([{ type: 'AccessRestored', data: restore('res-1', '2019-11-12T07:30:00Z').data as never }]);
  });

  it('refuses a restoration of something that is not a cut-off', () => {
    given(opened, letter)
      .when({ type: 'RecordAccessRestoration', data: { entryId: 'r', cutOffEntryId: 'req-1', occurredAt: '2019-11-14T08:30:00+01:00' } })
      .thenFails('RULE_VIOLATED', 'cutOffEntryId');
  });

  it('accepts partial restorations until everything is back, then refuses more', () => {
    const partial: CaseEvent = {
      type: 'AccessRestored',
      data: { entryId: 'res-1', cutOffEntryId: 'cut-1', occurredAt: '2019-11-13T08:30:00+01:00', resources: [{ kind: 'chat' }] },
    };
    given(opened, cutOff, partial)
      .when(restore('res-2', '2019-11-14T08:30:00+01:00', [{ kind: 'mailbox' }, { kind: 'file_server' }]))
      .then([{ type: 'AccessRestored', data: restore('res-2', '2019-11-14T08:30:00+01:00', [{ kind: 'mailbox' }, { kind: 'file_server' }]).data as never }]);
    const full: CaseEvent = { type: 'AccessRestored', data: { entryId: 'res-2', cutOffEntryId: 'cut-1', occurredAt: '2019-11-14T08:30:00+01:00' } };
    given(opened, cutOff, partial, full).when(restore('res-3', '2019-11-15T08:30:00+01:00')).thenFails('RULE_VIOLATED', 'cutOffEntryId');
  });

  it('refuses restoring a resource that was never cut', () => {
    given(opened, cutOff)
      .when(restore('res-1', '2019-11-14T08:30:00+01:00', [{ kind: 'phone' }]))
      .thenFails('RULE_VIOLATED', 'resources');
  });

  describe('given a cut-off of a labelled mailbox and the file server', () => {
    const labelled: CaseEvent = {
      type: 'AccessCutOff',
      data: {
        entryId: 'cut-1',
        occurredAt: '2019-11-12T08:30:00+01:00',
        resources: [{ kind: 'mailbox', label: 'Boîte mediatheque@' }, { kind: 'file_server' }],
        decidedBy: 'provider',
        priorNotice: 'none',
      },
    };
    const byKinds: CaseEvent = {
      type: 'AccessRestored',
      data: { entryId: 'res-1', cutOffEntryId: 'cut-1', occurredAt: '2019-11-14T14:00:00+01:00', resources: [{ kind: 'mailbox' }, { kind: 'file_server' }] },
    };

    it('when the mailbox is restored by its label only, then a later restoration of the rest is accepted', () => {
      const mailbox: CaseEvent = {
        type: 'AccessRestored',
        data: {
          entryId: 'res-1',
          cutOffEntryId: 'cut-1',
          occurredAt: '2019-11-13T14:00:00+01:00',
          resources: [{ kind: 'mailbox', label: 'Boîte mediatheque@' }],
        },
      };
      const rest = restore('res-2', '2019-11-14T14:00:00+01:00');
      given(opened, labelled, mailbox)
        .when(rest)
        .then([{ type: 'AccessRestored', data: rest.data as never }]);
    });

    it('when a restoration named their kinds without labels, then everything is back: another restoration is refused', () => {
      given(opened, labelled, byKinds).when(restore('res-2', '2019-11-15T08:30:00+01:00')).thenFails('RULE_VIOLATED', 'cutOffEntryId');
    });

    it('when a restoration names a mailbox by a label the cut-off did not take, then it is refused: it would give back nothing', () => {
      given(opened, labelled)
        .when(restore('res-1', '2019-11-14T08:30:00+01:00', [{ kind: 'mailbox', label: 'Boîte accueil@' }]))
        .thenFails('RULE_VIOLATED', 'resources');
    });
  });

  it('links a response to an existing request, not earlier than it', () => {
    const response: CaseCommand = {
      type: 'RecordResponse',
      data: {
        entryId: 'resp-1',
        requestEntryId: 'req-1',
        receivedAt: '2019-11-14T10:00:00+01:00',
        channel: 'internal_note',
        from: 'DGS',
        form: 'written',
        outcome: 'partial',
      },
    };
    given(opened, letter)
      .when(response)
      .then([{ type: 'ResponseReceived', data: response.data as never }]);
    given(opened).when(response).thenFails('NOT_FOUND', 'requestEntryId');
    given(opened, letter)
      .when({ ...response, data: { ...response.data, receivedAt: '2019-11-12T10:00:00+01:00' } } as CaseCommand)
      .thenFails('RULE_VIOLATED', 'receivedAt');
  });

  it('refuses fact dates without offset or in the future, naming the field', () => {
    given(opened)
      .when({
        type: 'ReportIncident',
        data: { entryId: 'i1', occurredAt: '2019-11-12T08:30:00', title: 'Plus de messagerie', category: 'outage', severity: 'blocking' },
      })
      .thenFails('INVALID_INPUT', 'occurredAt');
    given(opened)
      .when({ type: 'ReportIncident', data: { entryId: 'i1', occurredAt: '2019-11-20T10:06:00Z', title: 'x', category: 'outage', severity: 'blocking' } })
      .thenFails('INVALID_INPUT', 'occurredAt');
    given(opened)
      .when({ type: 'ReportIncident', data: { entryId: 'i1', occurredAt: '2019-11-20T10:04:00Z', title: 'x', category: 'outage', severity: 'blocking' } })
      .then([{ type: 'IncidentReported', data: { entryId: 'i1', occurredAt: '2019-11-20T10:04:00Z', title: 'x', category: 'outage', severity: 'blocking' } }]);
  });

  it('refuses an incident that ends before it starts and an impact period reversed', () => {
    given(opened)
      .when({
        type: 'ReportIncident',
        data: {
          entryId: 'i1',
          occurredAt: '2019-11-12T08:30:00+01:00',
          endedAt: '2019-11-12T08:00:00+01:00',
          title: 'x',
          category: 'outage',
          severity: 'blocking',
        },
      })
      .thenFails('RULE_VIOLATED', 'endedAt');
    given(opened)
      .when({ type: 'RecordImpact', data: { entryId: 'im', periodStart: '2019-11-14T00:00:00+01:00', periodEnd: '2019-11-12T00:00:00+01:00' } })
      .thenFails('RULE_VIOLATED', 'periodEnd');
  });

  it('writes nothing but a reopen (and custody events) to a closed case', () => {
    const closed: CaseEvent = { type: 'CaseClosed', data: { reason: 'Accès rétablis' } };
    given(opened, closed)
      .when({ type: 'AddNote', data: { entryId: 'n1', text: 'encore' } })
      .thenFails('CASE_CLOSED', 'caseId');
    given(opened, closed)
      .when({ type: 'CloseCase', data: { reason: 'x' } })
      .thenFails('CASE_CLOSED', 'caseId');
    given(opened, closed)
      .when({ type: 'ReopenCase', data: { reason: 'Nouvelle coupure' } })
      .then([{ type: 'CaseReopened', data: { reason: 'Nouvelle coupure' } }]);
    given(opened, closed)
      .when({ type: 'RecordDossierExport', data: { exportId: 'x1', format: 'pdf', asOf: '2019-11-20T10:00:00.000Z', sha256: 'a'.repeat(64) } })
      .then([{ type: 'DossierExported', data: { exportId: 'x1', format: 'pdf', asOf: '2019-11-20T10:00:00.000Z', sha256: 'a'.repeat(64) } }]);
    given(opened)
      .when({ type: 'ReopenCase', data: { reason: 'x' } })
      .thenFails('STATE_CONFLICT', 'caseId');
  });

  it('corrects an existing entry, re-checking the invariants on the corrected data', () => {
    const restored: CaseEvent = { type: 'AccessRestored', data: { entryId: 'res-1', cutOffEntryId: 'cut-1', occurredAt: '2019-11-14T08:30:00+01:00' } };
    const correct = (changes: Record<string, unknown>): CaseCommand => ({
      type: 'CorrectEntry',
      data: { entryId: 'c1', targetEntryId: 'cut-1', changes, reason: 'Erreur de saisie' },
    });
    given(opened, cutOff, restored)
      .when(correct({ priorNotice: 'oral' }))
      .then([{ type: 'EntryCorrected', data: correct({ priorNotice: 'oral' }).data as never }]);
    given(opened, cutOff, restored)
      .when(correct({ occurredAt: '2019-11-15T08:30:00+01:00' }))
      .thenFails('RULE_VIOLATED', 'changes.occurredAt');
    given(opened, cutOff)
      .when(correct({ occurredAt: '2019-11-12 08:30' }))
      .thenFails('INVALID_INPUT', 'changes.occurredAt');
    given(opened, cutOff)
      .when(correct({ entryId: 'other' }))
      .thenFails('INVALID_INPUT', 'changes.entryId');
    given(opened, cutOff).when(correct({})).thenFails('INVALID_INPUT', 'changes');
    given(opened)
      .when(correct({ priorNotice: 'oral' }))
      .thenFails('NOT_FOUND', 'entryId');
  });

  it('refuses correcting a request to a date after its response', () => {
    const response: CaseEvent = {
      type: 'ResponseReceived',
      data: {
        entryId: 'resp-1',
        requestEntryId: 'req-1',
        receivedAt: '2019-11-14T10:00:00+01:00',
        channel: 'internal_note',
        from: 'DGS',
        form: 'written',
        outcome: 'partial',
      },
    };
    given(opened, letter, response)
      .when({ type: 'CorrectEntry', data: { entryId: 'c', targetEntryId: 'req-1', changes: { sentAt: '2019-11-15T09:00:00+01:00' }, reason: 'date' } })
      .thenFails('RULE_VIOLATED', 'changes.sentAt');
  });

  it('retracts an entry once; a retracted entry cannot be corrected nor restored', () => {
    const retracted: CaseEvent = { type: 'EntryRetracted', data: { entryId: 'x', targetEntryId: 'cut-1', reason: 'Doublon' } };
    given(opened, cutOff)
      .when({ type: 'RetractEntry', data: retracted.data as never })
      .then([retracted]);
    given(opened, cutOff, retracted)
      .when({ type: 'RetractEntry', data: { entryId: 'y', targetEntryId: 'cut-1', reason: 'x' } })
      .thenFails('STATE_CONFLICT', 'targetEntryId');
    given(opened, cutOff, retracted)
      .when({ type: 'CorrectEntry', data: { entryId: 'c', targetEntryId: 'cut-1', changes: { priorNotice: 'oral' }, reason: 'x' } })
      .thenFails('RULE_VIOLATED', 'targetEntryId');
    given(opened, cutOff, retracted).when(restore('res-1', '2019-11-14T08:30:00+01:00')).thenFails('RULE_VIOLATED', 'cutOffEntryId');
  });

  it('checks that notes, witness statements and evidence are about an existing entry', () => {
    given(opened)
      .when({ type: 'AddNote', data: { entryId: 'n1', text: 'x', aboutEntryId: 'nope' } })
      .thenFails('RULE_VIOLATED', 'aboutEntryId');
    given(opened, cutOff)
      .when({ type: 'AddWitnessStatement', data: { entryId: 'w1', witness: 'Collègue', statement: 'J’ai vu', aboutEntryId: 'cut-1' } })
      .then([{ type: 'WitnessStatementAdded', data: { entryId: 'w1', witness: 'Collègue', statement: 'J’ai vu', aboutEntryId: 'cut-1' } }]);
    given(opened)
      .when({
        type: 'AttachEvidence',
        data: { evidenceId: 'e1', sha256: 'a'.repeat(64), size: 1, mediaType: 'text/plain', fileName: 'x.txt', aboutEntryId: 'nope' },
      })
      .thenFails('RULE_VIOLATED', 'aboutEntryId');
  });

  it('shares and revokes; revoking twice is refused', () => {
    const shared: CaseEvent = { type: 'CaseShared', data: { grantId: 'g1', grantee: { kind: 'group', id: 'union:CGT' }, permission: 'read' } };
    given(opened)
      .when({ type: 'ShareCase', data: shared.data as never })
      .then([shared]);
    given(opened)
      .when({ type: 'ShareCase', data: { grantId: 'g1', grantee: { kind: 'group', id: 'everyone' }, permission: 'read' } })
      .thenFails('INVALID_INPUT', 'grantee.id');
    const revoked: CaseEvent = { type: 'CaseAccessRevoked', data: { grantId: 'g1', reason: 'fin' } };
    given(opened, shared)
      .when({ type: 'RevokeCaseAccess', data: revoked.data as never })
      .then([revoked]);
    given(opened, shared, revoked)
      .when({ type: 'RevokeCaseAccess', data: revoked.data as never })
      .thenFails('NOT_FOUND', 'grantId');
  });

  it('refuses a grant to the owner, and the same grant twice while it is active', () => {
    given(opened)
      .when({ type: 'ShareCase', data: { grantId: 'g2', grantee: { kind: 'user', id: agent.id }, permission: 'read' } })
      .thenFails('RULE_VIOLATED', 'grantee');
    const shared: CaseEvent = { type: 'CaseShared', data: { grantId: 'g1', grantee: { kind: 'group', id: 'management' }, permission: 'read' } };
    given(opened, shared)
      .when({ type: 'ShareCase', data: { grantId: 'g2', grantee: { kind: 'group', id: 'management' }, permission: 'read' } })
      .thenFails('STATE_CONFLICT', 'grantee');
    given(opened, shared)
      .when({ type: 'ShareCase', data: { grantId: 'g2', grantee: { kind: 'group', id: 'management' }, permission: 'export' } })
      .then([{ type: 'CaseShared', data: { grantId: 'g2', grantee: { kind: 'group', id: 'management' }, permission: 'export' } }]);
    given(opened, shared, { type: 'CaseAccessRevoked', data: { grantId: 'g1' } })
      .when({ type: 'ShareCase', data: { grantId: 'g3', grantee: { kind: 'group', id: 'management' }, permission: 'read' } })
      .then([{ type: 'CaseShared', data: { grantId: 'g3', grantee: { kind: 'group', id: 'management' }, permission: 'read' } }]);
  });

  it('folds the owner and the effective data of corrected entries', () => {
    const state = foldCase(
      [
        opened,
        cutOff,
        {
          type: 'EntryCorrected',
          data: { entryId: 'c', targetEntryId: 'cut-1', changes: { priorNotice: 'oral', reasonGiven: null }, reason: 'x' },
        } as CaseEvent,
      ].map((e) => ({
        ...e,
        metadata: { actor: agent, recordedAt: NOW.toISOString() },
      })),
    );
    expect(state.ownerId).toBe('a1');
    expect(state.entries.get('cut-1')?.authorId).toBe('a1');
    expect(state.entries.get('cut-1')?.data.priorNotice).toBe('oral');
    expect(state.entries.get('cut-1')?.data).not.toHaveProperty('reasonGiven');
  });
});
