import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { RecordMeetingDto } from './record-meeting.dto';

const valid = {
  occurredAt: '2018-11-20T14:00:00+01:00',
  participants: ['Le prestataire', 'Vice-président au numérique', 'Vice-président à la culture', 'DGS', 'Responsable du pôle service à la population'],
  summary: "Il nous a été rappelé que le prestataire avait toute la confiance des élus ; on nous a enjoint de nettoyer notre base d'adresses.",
  minutesAvailable: false,
};

describe('RecordMeetingDto', () => {
  it('accepts the November 2018 meeting', async () => {
    expect(await validateBody(RecordMeetingDto, valid)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no participants', without(valid, 'participants'), 'participants'],
    ['an empty participants list', { ...valid, participants: [] }, 'participants'],
    ['a blank participant', { ...valid, participants: ['DGS', ''] }, 'participants'],
    ['no summary', without(valid, 'summary'), 'summary'],
    ['minutesAvailable as 0', { ...valid, minutesAvailable: 0 }, 'minutesAvailable'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(RecordMeetingDto, body)).toEqual([field]);
  });
});
