/**
 * Time and peak memory of a dossier with many entries (not a unit test):
 *   npx ts-node -r tsconfig-paths/register --transpile-only libs/dossier/scripts/measure-large.ts [entries] [out.pdf] [files] [MB per file]
 * With files > 0, that many evidence files get random bytes of the given size, embedded in the PDF.
 */
import { execFileSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Actor } from '@mc/domain';
import { CaseRecords } from '../../projections/src/testing/case-records';
import { renderDossier } from '../src/render-dossier';

const agent: Actor = { id: 'user-agent-1', username: 'bollywood', role: 'agent' };
const rep: Actor = { id: 'user-union-1', username: 'ferris', role: 'union_rep' };

/** A long case: every kind of entry, in a realistic mix, two per working hour. */
function largeCase(count: number): CaseRecords {
  const c = new CaseRecords('0b5e4c1a-9d2f-4e6a-8b7c-1d2e3f4a5b6c', agent);
  const start = Date.parse('2019-01-07T08:00:00Z');
  const at = (i: number, lagMinutes = 20): { fact: string; recorded: string } => ({
    fact: new Date(start + i * 30 * 60_000).toISOString().replace('Z', '+00:00'),
    recorded: new Date(start + i * 30 * 60_000 + lagMinutes * 60_000).toISOString(),
  });
  c.add(
    'CaseOpened',
    { title: 'Dysfonctionnements répétés du prestataire — année complète', service: 'Médiathèque', organisation: 'Communauté de communes' },
    new Date(start - 60_000).toISOString(),
  );
  let lastCutOff = '';
  let lastRequest = '';
  for (let i = 0; c.records.length <= count; i += 1) {
    const { fact, recorded } = at(i);
    const id = `e-${i}`;
    switch (i % 10) {
      case 0:
        lastCutOff = id;
        c.add(
          'AccessCutOff',
          {
            entryId: id,
            occurredAt: fact,
            resources: [{ kind: 'mailbox' }, { kind: 'file_server' }],
            decidedBy: 'provider',
            priorNotice: 'none',
            reasonGiven: 'Mise à jour non annoncée',
          },
          recorded,
        );
        break;
      case 3:
        c.add('AccessRestored', { entryId: id, cutOffEntryId: lastCutOff, occurredAt: fact, conditions: 'Rétabli après relance téléphonique' }, recorded);
        break;
      case 1:
        lastRequest = id;
        c.add(
          'WrittenRequestSent',
          {
            entryId: id,
            sentAt: fact,
            channel: 'email',
            from: 'bollywood',
            to: 'DGS',
            subject: `Demande d’explication n° ${i}`,
            kind: 'question_to_hierarchy',
            body: 'Madame la Directrice générale, nous vous prions de bien vouloir nous indiquer par écrit le motif de la coupure de nos accès et sa durée prévue. '.repeat(
              2,
            ),
          },
          recorded,
        );
        break;
      case 5:
        if (i % 20 === 5)
          c.add(
            'ResponseReceived',
            {
              entryId: id,
              requestEntryId: lastRequest,
              receivedAt: fact,
              channel: 'email',
              from: 'DGS',
              form: 'written',
              outcome: 'partial',
              summary: 'Réponse partielle, sans motif.',
            },
            at(i, 3 * 24 * 60).recorded,
          );
        else c.add('NoteAdded', { entryId: id, text: 'Relance orale au secrétariat, sans suite.', aboutEntryId: lastRequest }, recorded, rep);
        break;
      case 7:
        c.add(
          'MeetingHeld',
          {
            entryId: id,
            occurredAt: fact,
            participants: ['DGS', 'bollywood', 'représentant du prestataire'],
            summary: 'Point sur les coupures ; le prestataire maintient qu’il « a tout pouvoir ».',
          },
          recorded,
        );
        break;
      case 8:
        c.add(
          'EvidenceAttached',
          {
            evidenceId: id,
            sha256: i.toString(16).padStart(64, '0'),
            size: 20_000 + i,
            mediaType: 'image/png',
            fileName: `capture-${i}.png`,
            aboutEntryId: lastCutOff,
            capturedAt: fact,
          },
          recorded,
        );
        break;
      default:
        c.add(
          'IncidentReported',
          {
            entryId: id,
            occurredAt: fact,
            title: `Messagerie indisponible (${i})`,
            category: 'outage',
            severity: i % 2 ? 'blocking' : 'non_blocking',
            description: 'Impossible d’envoyer les courriels aux usagers ; le serveur répond « accès refusé ».',
          },
          recorded,
        );
    }
    if (i % 50 === 49)
      c.add(
        'EntryCorrected',
        { entryId: `c-${i}`, targetEntryId: lastCutOff, changes: { reasonGiven: null }, reason: 'Aucun motif n’avait en fait été donné.' },
        recorded,
      );
  }
  return c;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  const path = process.argv[3] ?? '/tmp/dossier-large.pdf';
  const files = Number(process.argv[4] ?? 0);
  const megabytes = Number(process.argv[5] ?? 5);
  const { records } = largeCase(count);
  const last = records[records.length - 1]!;
  // Incompressible bytes, made again on demand (as a store reads them from disk), so that only the
  // renderer's own copies count in the peak.
  const bytesOf = (n: number): Buffer => {
    const key = createHash('sha256').update(String(n)).digest().subarray(0, 16);
    return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(megabytes * 1024 * 1024));
  };
  const seedOf = new Map<string, number>();
  for (const record of records.filter((r) => r.type === 'EvidenceAttached').slice(0, files)) {
    const bytes = bytesOf(record.revision);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    record.data = { ...record.data, sha256, size: bytes.length };
    seedOf.set(sha256, record.revision);
  }
  const started = process.hrtime.bigint();
  await renderDossier(
    {
      records,
      asOf: last.metadata.recordedAt,
      lang: 'fr',
      timezone: 'Europe/Paris',
      generatedAt: new Date(last.metadata.recordedAt),
      generatedBy: { id: rep.id, username: rep.username, role: rep.role },
      signingKeyFingerprint: 'f'.repeat(64),
      attachments: (sha256) => {
        const seed = seedOf.get(sha256);
        return seed === undefined ? null : bytesOf(seed);
      },
    },
    createWriteStream(path),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1];
  const embedded = files > 0 ? `, ${files} embedded files of ${megabytes} MB` : '';
  console.log(`${records.length} records${embedded}, ${pages} pages: ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB -> ${path}`);
}

void main();
