import type { TimelineEntry } from '@mc/projections';
import { outagesOf } from './outages';

let revision = 0;
function entry(type: TimelineEntry['type'], entryId: string, occurredAt: string, data: Record<string, unknown>, retracted = false): TimelineEntry {
  revision += 1;
  return {
    entryId,
    type,
    occurredAt,
    recordedAt: occurredAt,
    revision,
    actor: { id: 'u', username: 'u', role: 'agent' },
    data: { entryId, occurredAt, ...data },
    original: { entryId, occurredAt, ...data },
    corrections: [],
    retracted: retracted
      ? { entryId: `r-${entryId}`, revision: 99, recordedAt: occurredAt, actor: { id: 'u', username: 'u', role: 'agent' }, reason: 'erreur' }
      : null,
    lateBy: null,
    evidence: [],
    related: { restorations: [], receipts: [], responses: [], notes: [], statements: [] },
  };
}

function outages(entries: TimelineEntry[], asOf: string) {
  const byId = new Map(entries.map((e) => [e.entryId, e]));
  for (const e of entries) {
    if (e.type === 'AccessRestored') byId.get(String(e.data.cutOffEntryId))?.related.restorations.push(e.entryId);
  }
  return outagesOf(entries, byId, asOf);
}

describe('outagesOf', () => {
  const cutOff = () =>
    entry('AccessCutOff', 'cut', '2019-11-12T08:00:00+01:00', { resources: [{ kind: 'mailbox' }, { kind: 'file_server', label: 'Serveur' }] });

  it('ends a cut-off at a restoration that names no resource', () => {
    const [outage] = outages([cutOff(), entry('AccessRestored', 'back', '2019-11-12T10:30:00+01:00', { cutOffEntryId: 'cut' })], '2019-12-01T00:00:00Z');
    expect(outage).toMatchObject({ endedAt: '2019-11-12T10:30:00+01:00', minutes: 150, ongoing: false });
  });

  it('ends it only once every resource is back, across partial restorations', () => {
    const [outage] = outages(
      [
        cutOff(),
        entry('AccessRestored', 'mail', '2019-11-12T09:00:00+01:00', { cutOffEntryId: 'cut', resources: [{ kind: 'mailbox' }] }),
        entry('AccessRestored', 'files', '2019-11-13T08:00:00+01:00', { cutOffEntryId: 'cut', resources: [{ kind: 'file_server', label: 'Serveur' }] }),
      ],
      '2019-12-01T00:00:00Z',
    );
    expect(outage).toMatchObject({ endedAt: '2019-11-13T08:00:00+01:00', minutes: 24 * 60, ongoing: false });
    expect(outage!.restorations.map((r) => r.entryId)).toEqual(['mail', 'files']);
  });

  it('ends it at a restoration that names the kinds without labels, whatever the labels the cut-off gave (audit F2)', () => {
    const [outage] = outages(
      [
        cutOff(),
        entry('AccessRestored', 'back', '2019-11-14T14:00:00+01:00', { cutOffEntryId: 'cut', resources: [{ kind: 'mailbox' }, { kind: 'file_server' }] }),
      ],
      '2019-12-01T00:00:00Z',
    );
    expect(outage).toMatchObject({ endedAt: '2019-11-14T14:00:00+01:00', minutes: 2 * 1440 + 360, ongoing: false });
  });

  it('counts an open cut-off, or one whose only restoration was retracted, up to asOf', () => {
    const [open] = outages([cutOff()], '2019-11-12T09:00:00+01:00');
    expect(open).toMatchObject({ endedAt: null, minutes: 60, ongoing: true });
    const [retracted] = outages(
      [cutOff(), entry('AccessRestored', 'back', '2019-11-12T08:30:00+01:00', { cutOffEntryId: 'cut' }, true)],
      '2019-11-12T10:00:00+01:00',
    );
    expect(retracted).toMatchObject({ endedAt: null, minutes: 120, ongoing: true });
    expect(retracted!.restorations).toHaveLength(1);
  });
});
