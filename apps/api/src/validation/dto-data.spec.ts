import { plainToInstance } from 'class-transformer';
import { RecordAccessCutOffDto } from '../cases/commands/record-access-cut-off/record-access-cut-off.dto';
import { dtoData } from './dto-data';

describe('dtoData', () => {
  it('keeps the given fields only, as plain data, without expectedRevision', () => {
    const dto = plainToInstance(RecordAccessCutOffDto, {
      occurredAt: '2019-11-12T08:30:00+01:00',
      resources: [{ kind: 'mailbox' }, { kind: 'file_server', label: 'Serveur' }],
      decidedBy: 'provider',
      priorNotice: 'none',
      expectedRevision: 3,
    });
    const data = dtoData(dto);
    expect(data).toEqual({
      occurredAt: '2019-11-12T08:30:00+01:00',
      resources: [{ kind: 'mailbox' }, { kind: 'file_server', label: 'Serveur' }],
      decidedBy: 'provider',
      priorNotice: 'none',
    });
    expect(Object.keys(data)).not.toContain('description');
    expect(Object.keys((data.resources as object[])[0])).toEqual(['kind']);
    expect(Object.getPrototypeOf((data.resources as object[])[0])).toBe(Object.prototype);
  });
});
