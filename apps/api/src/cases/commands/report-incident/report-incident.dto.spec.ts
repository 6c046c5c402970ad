import { commonRefusals, faultyFields, minutesFromNow, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { ReportIncidentDto } from './report-incident.dto';

const valid = {
  occurredAt: '2019-11-12T08:45:00+01:00',
  endedAt: '2019-11-14T10:00:00+01:00',
  title: 'Plus aucun accès à la messagerie, au tchat ni au serveur de fichiers',
  description: "En reprenant notre poste mardi matin, ma collègue et moi n'avions plus accès à nos dossiers.",
  category: 'provider_action',
  severity: 'blocking',
  affectedServices: ['Médiathèque'],
  witnesses: ['Collègue médiathécaire'],
};

describe('ReportIncidentDto', () => {
  it('accepts a full incident and a minimal one', async () => {
    expect(await validateBody(ReportIncidentDto, valid)).toEqual([]);
    expect(await validateBody(ReportIncidentDto, without(valid, 'endedAt', 'description', 'affectedServices', 'witnesses'))).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no occurredAt', without(valid, 'occurredAt'), 'occurredAt'],
    ['no category', without(valid, 'category'), 'category'],
    ['an unknown category', { ...valid, category: 'panne' }, 'category'],
    ['an unknown severity', { ...valid, severity: 'critical' }, 'severity'],
    ['occurredAt without offset', { ...valid, occurredAt: '2019-11-12T08:45:00' }, 'occurredAt'],
    ['occurredAt ten minutes ahead', { ...valid, occurredAt: minutesFromNow(10) }, 'occurredAt'],
    ['endedAt on 2019-02-30', { ...valid, endedAt: '2019-02-30T10:00:00+01:00' }, 'endedAt'],
    ['endedAt before occurredAt', { ...valid, endedAt: '2019-11-11T10:00:00+01:00' }, 'endedAt'],
    ['a title of 201 characters', { ...valid, title: 't'.repeat(201) }, 'title'],
    ['witnesses given as one string', { ...valid, witnesses: 'Collègue médiathécaire' }, 'witnesses'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(ReportIncidentDto, body)).toEqual([field]);
  });
});
