import { createHash } from 'node:crypto';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { CaseRecords } from '../../../projections/src/testing/case-records';
import { agent, CASE_ID, ids, seedStory, unionRep } from '../../../projections/src/testing/seed-story';
import type { DossierInput } from '../dossier-input';

export { CASE_ID, ids };

/** An evidence file whose bytes are given to the renderer (the seed's own file has a made-up digest). */
export const letterBytes = Buffer.from('%PDF-1.4\n% Lettre au Président, 12 novembre 2019\n', 'utf8');
export const letterSha256 = createHash('sha256').update(letterBytes).digest('hex');
export const FINGERPRINT = createHash('sha256').update('public key of the test journal').digest('hex');

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Real-looking chained hashes, so the dossier shows 64-hex digests as in production. */
function chained(records: StoredEvent[]): StoredEvent[] {
  let prevHash = '0'.repeat(64);
  return records.map((record) => {
    const hash = sha(`${record.streamId}/${record.revision}/${prevHash}`);
    const next = { ...record, prevHash, hash };
    prevHash = hash;
    return next;
  });
}

/**
 * The seed story, plus an impact entry written with œ, € and ’, and the letter to the President
 * as an evidence file, both recorded before the first export.
 */
export function dossierStory(): StoredEvent[] {
  const seed = seedStory().records;
  const c = new CaseRecords(CASE_ID, agent);
  for (const record of seed) {
    if (record.type === 'DossierExported') {
      c.add(
        'ImpactRecorded',
        {
          entryId: 'e-impact',
          periodStart: '2019-11-12T08:15:00+01:00',
          periodEnd: '2019-11-14T11:00:00+01:00',
          hoursLost: 1920,
          tasksBlocked: ['commandes', 'suivi du budget', 'accès aux dossiers'],
          extraStaff: 'Deux agents prêtés pour saisir les 687 adresses',
          publicImpact: 'Lettre d’information non envoyée ; coût estimé à 1 250 € ; le cœur du service public touché.',
        },
        '2019-11-21T09:00:00.000Z',
      );
      c.add(
        'EvidenceAttached',
        {
          evidenceId: 'ev-letter',
          sha256: letterSha256,
          size: letterBytes.length,
          mediaType: 'application/pdf',
          fileName: 'lettre-au-président.pdf',
          description: 'Copie de la lettre au Président',
          aboutEntryId: ids.letterToPresident,
          capturedAt: '2019-11-12T16:05:00+01:00',
        },
        '2019-11-21T09:05:00.000Z',
        unionRep,
      );
    }
    c.add(record.type, record.data, record.metadata.recordedAt, record.metadata.actor);
  }
  return chained(c.records);
}

/** Records as the caller hands them: cut at asOf by recordedAt. */
export function cutAt(records: StoredEvent[], asOf: string): StoredEvent[] {
  const limit = Date.parse(asOf);
  return records.filter((r) => Date.parse(r.metadata.recordedAt) <= limit);
}

export function dossierInput(overrides: Partial<DossierInput> = {}): DossierInput {
  const asOf = overrides.asOf ?? '2019-12-03T09:00:00.000Z';
  return {
    records: cutAt(dossierStory(), asOf),
    asOf,
    lang: 'fr',
    timezone: 'Europe/Paris',
    generatedAt: new Date('2019-12-03T09:30:00.000Z'),
    generatedBy: { id: unionRep.id, username: unionRep.username, role: unionRep.role, displayName: 'Ferris (CGT)' },
    signingKeyFingerprint: FINGERPRINT,
    attachments: (digest) => (digest === letterSha256 ? letterBytes : null),
    providerName: 'Infogérance & Services',
    ...overrides,
  };
}
