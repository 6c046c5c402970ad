import { commonRefusals, faultyFields, minutesFromNow, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { RecordWrittenRequestDto } from './record-written-request.dto';

const valid = {
  sentAt: '2019-11-13T11:00:00+01:00',
  channel: 'letter',
  from: 'Les deux agents de la médiathèque',
  to: 'Monsieur le Président',
  subject: "Coupure de nos accès informatiques : s'agit-il d'une sanction disciplinaire ?",
  body: 'Nous vous demandons si la coupure de nos accès constitue une sanction disciplinaire et, dans ce cas, quels en sont le motif et la durée.',
  kind: 'question_to_hierarchy',
};

describe('RecordWrittenRequestDto', () => {
  it('accepts the letter to the President asking whether it is a disciplinary sanction', async () => {
    expect(await validateBody(RecordWrittenRequestDto, valid)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no recipient', without(valid, 'to'), 'to'],
    ['no kind', without(valid, 'kind'), 'kind'],
    ['an unknown channel', { ...valid, channel: 'courrier' }, 'channel'],
    ['the oral channel, which only answers use', { ...valid, channel: 'oral' }, 'channel'],
    ['a subject of 201 characters', { ...valid, subject: 's'.repeat(201) }, 'subject'],
    ['sentAt without offset', { ...valid, sentAt: '2019-11-13T11:00' }, 'sentAt'],
    ['sentAt ten minutes ahead', { ...valid, sentAt: minutesFromNow(10) }, 'sentAt'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(RecordWrittenRequestDto, body)).toEqual([field]);
  });
});
