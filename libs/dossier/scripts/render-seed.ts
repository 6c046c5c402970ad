/**
 * Renders the seed story to a file, to look at the layout:
 *   npx ts-node -r tsconfig-paths/register --transpile-only libs/dossier/scripts/render-seed.ts /tmp/seed.pdf [fr|en]
 */
import { createWriteStream } from 'node:fs';
import { seedStory } from '../../projections/src/testing/seed-story';
import { renderDossier } from '../src/render-dossier';

async function main(): Promise<void> {
  const [path = '/tmp/dossier-seed.pdf', lang = 'fr'] = process.argv.slice(2);
  const { records } = seedStory();
  const png = Buffer.from('89504e470d0a1a0a', 'hex');
  await renderDossier(
    {
      records,
      asOf: '2019-11-25T11:00:00.000Z',
      lang: lang === 'en' ? 'en' : 'fr',
      timezone: 'Europe/Paris',
      generatedAt: new Date('2019-11-25T11:05:00.000Z'),
      generatedBy: { id: 'user-union-1', username: 'ferris', role: 'union_rep', displayName: 'Ferris' },
      signingKeyFingerprint: 'f'.repeat(64),
      attachments: () => png,
      providerName: 'Infogérance Services',
    },
    createWriteStream(path),
  );
  console.log(path);
}

void main();
