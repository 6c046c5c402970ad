import { commonRefusals, faultyFields, minutesFromNow, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { RecordResponseDto } from './record-response.dto';

const valid = {
  receivedAt: '2019-11-13T16:00:00+01:00',
  channel: 'internal_note',
  from: 'Directrice générale des services',
  form: 'written',
  outcome: 'partial',
  summary: 'Le prestataire a de son propre chef coupé le compte de la médiathèque. Rien sur une éventuelle sanction.',
};

describe('RecordResponseDto', () => {
  it("accepts the DGS's written answer and an oral one", async () => {
    expect(await validateBody(RecordResponseDto, valid)).toEqual([]);
    expect(await validateBody(RecordResponseDto, { ...valid, channel: 'oral', form: 'oral', outcome: 'acknowledged' })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['the requestEntryId, which the path names', { ...valid, requestEntryId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }, 'requestEntryId'],
    ['no form', without(valid, 'form'), 'form'],
    ['an unknown outcome', { ...valid, outcome: 'silence' }, 'outcome'],
    ['no sender', without(valid, 'from'), 'from'],
    ['receivedAt ten minutes ahead', { ...valid, receivedAt: minutesFromNow(10) }, 'receivedAt'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(RecordResponseDto, body)).toEqual([field]);
  });
});
