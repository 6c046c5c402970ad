import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { RecordAccessCutOffDto } from './record-access-cut-off.dto';

const valid = {
  occurredAt: '2019-11-12T08:30:00+01:00',
  resources: [{ kind: 'mailbox' }, { kind: 'chat' }, { kind: 'file_server', label: 'Serveur de fichiers (dossiers du service)' }],
  affectedPeople: ['Responsable de la médiathèque', 'Assistante de conservation'],
  decidedBy: 'provider',
  priorNotice: 'none',
  reasonGiven: "Le prestataire ne souhaite plus endosser la responsabilité d'un mauvais usage de la messagerie.",
  description: 'Accès coupés de son propre chef, sans en référer à quiconque, après le mailing du samedi (687 envois, 87 retours).',
};

describe('RecordAccessCutOffDto', () => {
  it('accepts the mailbox, chat and file server cut by the provider without notice', async () => {
    expect(await validateBody(RecordAccessCutOffDto, valid)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no resources', without(valid, 'resources'), 'resources'],
    ['an empty resources list', { ...valid, resources: [] }, 'resources'],
    ['a nested resource with a bad kind', { ...valid, resources: [{ kind: 'printer' }] }, 'resources[0].kind'],
    [
      'a nested resource with a label of 201 characters',
      { ...valid, resources: [{ kind: 'chat' }, { kind: 'other', label: 'l'.repeat(201) }] },
      'resources[1].label',
    ],
    ['a nested resource with an extra field', { ...valid, resources: [{ kind: 'chat', since: 'mardi' }] }, 'resources[0].since'],
    ['an unknown decidedBy', { ...valid, decidedBy: 'DGS' }, 'decidedBy'],
    ['no priorNotice', without(valid, 'priorNotice'), 'priorNotice'],
    ['a boolean priorNotice', { ...valid, priorNotice: false }, 'priorNotice'],
    ['occurredAt without offset', { ...valid, occurredAt: '2019-11-12 08:30' }, 'occurredAt'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(RecordAccessCutOffDto, body)).toEqual([field]);
  });
});
