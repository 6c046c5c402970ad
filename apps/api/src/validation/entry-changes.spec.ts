import { ENTRY_TYPES } from '@mc/domain';
import { ENTRY_DTO_BY_TYPE, validateEntryChanges } from './entry-changes';
import { minutesFromNow } from './spec-support';

const cutOff = {
  entryId: '0b7f7c1e-3d3a-4c59-9d0e-2a6f8e1b9c41',
  occurredAt: '2019-11-12T08:30:00+01:00',
  resources: [{ kind: 'mailbox' }, { kind: 'chat' }, { kind: 'file_server' }],
  decidedBy: 'provider',
  priorNotice: 'none',
  reasonGiven: 'Mauvais usage de la messagerie selon le prestataire.',
};

const response = {
  entryId: '6d1c2b7a-8e0f-4a3b-9c5d-1e2f3a4b5c6d',
  requestEntryId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  receivedAt: '2019-11-13T16:00:00+01:00',
  channel: 'oral',
  from: 'DGS',
  form: 'oral',
  outcome: 'acknowledged',
};

const fields = async (...args: Parameters<typeof validateEntryChanges>) => (await validateEntryChanges(...args)).map((p) => p.field);

describe('validateEntryChanges', () => {
  it('has a DTO for every entry type', () => {
    expect(Object.keys(ENTRY_DTO_BY_TYPE).sort()).toEqual([...ENTRY_TYPES].sort());
  });

  it('accepts a good correction, ignoring the id fields the body never carries', async () => {
    expect(await validateEntryChanges('AccessCutOff', cutOff, { occurredAt: '2019-11-12T08:15:00+01:00', decidedBy: 'unknown' })).toEqual([]);
    expect(await validateEntryChanges('ResponseReceived', response, { form: 'written', channel: 'internal_note', outcome: 'partial' })).toEqual([]);
  });

  it('accepts the removal of an optional field with null', async () => {
    expect(await validateEntryChanges('AccessCutOff', cutOff, { reasonGiven: null })).toEqual([]);
  });

  it('refuses to change the identity or the links of an entry', async () => {
    const problems = await validateEntryChanges('AccessCutOff', cutOff, { entryId: '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13' });
    expect(problems).toEqual([
      expect.objectContaining({ field: 'changes.entryId', fr: expect.stringContaining('« changes.entryId » ne peut pas être corrigé') }),
    ]);
    expect(await fields('ResponseReceived', response, { requestEntryId: '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13' })).toEqual(['changes.requestEntryId']);
    expect(
      await fields(
        'AccessRestored',
        { entryId: cutOff.entryId, cutOffEntryId: cutOff.entryId, occurredAt: '2019-11-14T09:00:00+01:00' },
        {
          cutOffEntryId: '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13',
        },
      ),
    ).toEqual(['changes.cutOffEntryId']);
  });

  it('refuses fields the entry type does not have, and the request-only expectedRevision', async () => {
    const problems = await validateEntryChanges('AccessCutOff', cutOff, { severity: 'blocking', expectedRevision: 3 });
    expect(problems.map((p) => p.field)).toEqual(['changes.severity', 'changes.expectedRevision']);
    expect(problems[0].en).toBe('changes.severity is not a field of a AccessCutOff entry.');
  });

  it.each([
    ['a wrong enum value', { priorNotice: 'email' }, 'changes.priorNotice'],
    ['a date without offset', { occurredAt: '2019-11-12T08:15:00' }, 'changes.occurredAt'],
    ['a date in the future', { occurredAt: minutesFromNow(10) }, 'changes.occurredAt'],
    ['a nested resource with a bad kind', { resources: [{ kind: 'printer' }] }, 'changes.resources[0].kind'],
  ])('refuses %s, naming changes.<field> in both languages', async (_case, changes, field) => {
    const problems = await validateEntryChanges('AccessCutOff', cutOff, changes);
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0].fr).toContain(`« ${field} »`);
    expect(problems[0].en.startsWith(`${field} `)).toBe(true);
  });

  it('refuses the removal of a required field', async () => {
    expect(await validateEntryChanges('AccessCutOff', cutOff, { decidedBy: null })).toEqual([
      {
        field: 'changes.decidedBy',
        fr: 'Le champ « changes.decidedBy » est obligatoire dans une entrée AccessCutOff : il ne peut pas être retiré.',
        en: 'changes.decidedBy is required in a AccessCutOff entry: it cannot be removed.',
      },
    ]);
  });

  it('checks the merged entry as a whole (an end moved before its start)', async () => {
    const impact = { entryId: cutOff.entryId, periodStart: '2019-11-12T08:30:00+01:00', periodEnd: '2019-11-14T09:00:00+01:00' };
    expect(await fields('ImpactRecorded', impact, { periodStart: '2019-11-15T08:30:00+01:00' })).toEqual(['changes.periodEnd']);
  });

  it('refuses empty changes', async () => {
    expect(await fields('NoteAdded', { entryId: cutOff.entryId, text: 'Note' }, {})).toEqual(['changes']);
  });
});
