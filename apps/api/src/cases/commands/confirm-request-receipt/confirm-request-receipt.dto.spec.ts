import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { ConfirmRequestReceiptDto } from './confirm-request-receipt.dto';

const valid = { receivedAt: '2019-11-14T10:15:00+01:00', proof: 'Accusé de réception signé par le secrétariat général' };

describe('ConfirmRequestReceiptDto', () => {
  it('accepts a receipt with its proof, and without', async () => {
    expect(await validateBody(ConfirmRequestReceiptDto, valid)).toEqual([]);
    expect(await validateBody(ConfirmRequestReceiptDto, without(valid, 'proof'))).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['the requestEntryId, which the path names', { ...valid, requestEntryId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }, 'requestEntryId'],
    ['no receivedAt', without(valid, 'receivedAt'), 'receivedAt'],
    ['receivedAt on 2019-02-30', { ...valid, receivedAt: '2019-02-30T10:15:00+01:00' }, 'receivedAt'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(ConfirmRequestReceiptDto, body)).toEqual([field]);
  });
});
