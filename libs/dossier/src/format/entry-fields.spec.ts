import {
  DECIDED_BY,
  INCIDENT_CATEGORIES,
  PRIOR_NOTICE,
  PROVIDER_ACTIONS,
  REQUEST_KINDS,
  RESOURCE_KINDS,
  RESPONSE_CHANNELS,
  RESPONSE_FORMS,
  RESPONSE_OUTCOMES,
  SEVERITIES,
} from '@mc/domain';
import { buildTimeline } from '@mc/projections';
import type { TimelineEntry } from '@mc/projections';
import { seedStory, ids } from '../../../projections/src/testing/seed-story';
import { messagesFor } from '../i18n';
import type { Lang } from '../i18n';
import { EntryDescriber } from './entry-fields';
import { Formatter } from './formatter';

function describerFor(lang: Lang): EntryDescriber {
  return new EntryDescriber(new Formatter(messagesFor(lang), 'Europe/Paris'), { entry: (id) => `#${id}` });
}

function entry(id: string): TimelineEntry {
  const found = buildTimeline(seedStory().records).entries.find((e) => e.entryId === id);
  if (!found) throw new Error(id);
  return found;
}

describe('EntryDescriber', () => {
  const fr = describerFor('fr');

  it.each<Lang>(['fr', 'en'])('has a label, not the code, for every value of every enum (%s)', (lang) => {
    const d = describerFor(lang);
    const cases: Array<[string, string, readonly string[]]> = [
      ['IncidentReported', 'category', INCIDENT_CATEGORIES],
      ['IncidentReported', 'severity', SEVERITIES],
      ['AccessCutOff', 'decidedBy', DECIDED_BY],
      ['AccessCutOff', 'priorNotice', PRIOR_NOTICE],
      ['ProviderActionRecorded', 'action', PROVIDER_ACTIONS],
      ['WrittenRequestSent', 'kind', REQUEST_KINDS],
      ['ResponseReceived', 'channel', RESPONSE_CHANNELS],
      ['ResponseReceived', 'form', RESPONSE_FORMS],
      ['ResponseReceived', 'outcome', RESPONSE_OUTCOMES],
    ];
    for (const [type, field, values] of cases) {
      for (const value of values) {
        const label = d.value(type as TimelineEntry['type'], field, value);
        expect(label).not.toBe('');
        if (value.includes('_')) expect(label).not.toContain('_');
      }
    }
    for (const kind of RESOURCE_KINDS) expect(d.resource({ kind })).not.toContain('_');
  });

  it('writes the cut-off in words, its fact date left to the header', () => {
    const lines = fr.fields(entry(ids.cutOff));
    expect(lines).toEqual([
      { label: 'Accès coupés', value: 'messagerie\u00a0; tchat\u00a0; serveur de fichiers «\u00a0Serveur de fichiers (dossiers)\u00a0»', mono: false },
      { label: 'Personnes concernées', value: 'bollywood, collegue', mono: false },
      { label: 'Décidée par', value: 'le prestataire', mono: false },
      { label: 'Préavis', value: 'aucun préavis', mono: false },
    ]);
  });

  it('shows each correction as before → after, a removed field as removed', () => {
    const [first] = fr.corrections(entry(ids.cutOff));
    expect(first!.correction.reason).toContain('Heure vérifiée');
    expect(first!.changes).toEqual([
      { label: 'Date des faits', value: 'mardi 12 novembre 2019 à 08:30 → mardi 12 novembre 2019 à 08:15' },
      { label: 'Motif donné', value: 'Panne supposée → (supprimé)' },
    ]);
  });

  it('names linked entries through the references it is given, and a full restoration as such', () => {
    expect(fr.fields(entry(ids.restoration))).toEqual([
      { label: 'Coupure concernée', value: '#e-cutoff', mono: false },
      { label: 'Accès rétablis', value: 'tous les accès' },
      { label: 'Conditions', value: '687 adresses saisies', mono: false },
    ]);
  });

  it('keeps fields it does not know, under their own name', () => {
    const note = { ...entry(ids.rumour), data: { entryId: 'x', text: 'Texte', source: 'affichage' } };
    expect(fr.fields(note)).toContainEqual({ label: 'source', value: 'affichage', mono: false });
  });
});
