import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { CorrectEntryDto } from './correct-entry.dto';

const valid = {
  changes: { occurredAt: '2019-11-12T08:15:00+01:00', reasonGiven: null },
  reason: "L'heure notée était celle de mon arrivée au secrétariat, pas celle de la coupure.",
};

describe('CorrectEntryDto', () => {
  it('accepts changes and a reason (the content of changes is checked per entry type later)', async () => {
    expect(await validateBody(CorrectEntryDto, valid)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no reason', without(valid, 'reason'), 'reason'],
    ['empty changes', { ...valid, changes: {} }, 'changes'],
    ['changes as a list', { ...valid, changes: [{ occurredAt: '2019-11-12T08:15:00+01:00' }] }, 'changes'],
    ['no changes', without(valid, 'changes'), 'changes'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(CorrectEntryDto, body)).toEqual([field]);
  });
});
