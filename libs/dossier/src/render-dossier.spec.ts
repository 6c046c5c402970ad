import { cutAt, dossierInput, dossierStory, FINGERPRINT, ids, letterBytes, letterSha256 } from './testing/dossier-fixtures';
import { flat, outlineOf, PdfFile, renderToBuffer } from './testing/pdf-tools';

jest.setTimeout(60_000);

describe('renderDossier', () => {
  describe('given the seed story in French, as of after the case was closed, as the dossier.pdf of a bundle', () => {
    const input = dossierInput({ inBundle: true });
    let bytes: Buffer;
    let pdf: PdfFile;
    let text: string;

    beforeAll(async () => {
      bytes = await renderToBuffer(input);
      pdf = new PdfFile(bytes);
      text = flat(pdf.text());
    });
    afterAll(() => pdf.remove());

    it('then qpdf finds no error in the file', () => {
      expect(pdf.run('qpdf', ['--check', pdf.path])).toContain('No syntax or stream encoding errors found');
    });

    it('then the metadata give the title, the author, the subject and the creation date', () => {
      const info = pdf.info();
      expect(info.Title).toBe('Dossier de main courante — Coupure des accès de la médiathèque par le prestataire');
      expect(info.Author).toBe('Ferris (CGT)');
      expect(info.Subject).toContain('état au mardi 3 décembre 2019 à 10:00');
      expect(info.CreationDate).toMatch(/Dec\s+3 09:30:00 2019 UTC/);
      expect(Number(info.Pages)).toBeGreaterThanOrEqual(6);
    });

    it('then every page says "Page X / N" and carries the case reference after the cover', () => {
      const pages = pdf.pages();
      const total = pdf.pageCount();
      expect(pages).toHaveLength(total);
      pages.forEach((page, index) => {
        expect(flat(page)).toContain(`Page ${index + 1} / ${total}`);
        if (index > 0) expect(flat(page)).toContain('Coupure des accès de la médiathèque par le prestataire — dossier 6f1c2a7e');
      });
    });

    it('then the French section titles are there', () => {
      for (const title of [
        'Synthèse',
        'Chronologie des faits',
        'Registres',
        'Demandes écrites',
        'Coupures d’accès',
        'Réunions',
        'Annexe : pièces',
        'Intégrité et vérification',
      ]) {
        expect(text).toContain(title);
      }
    });

    it('then accents, œ, ’, « », € and French numbers come out intact', () => {
      expect(text).toContain('Coupure des accès de la médiathèque');
      expect(text).toContain('cœur du service public touché.');
      expect(text).toContain('coût estimé à 1 250 €');
      expect(text).toContain('Demande d’un écrit sur la coupure de nos accès');
      expect(text).toContain('« Rumeur non vérifiée. »');
      expect(text).toContain('48 213 octets');
    });

    it('then the cover names the case, its parties, its period and its state', () => {
      const cover = flat(pdf.pages()[0]!);
      expect(cover).toContain('Médiathèque');
      expect(cover).toContain('Communauté de communes');
      expect(cover).toContain('bollywood (agent), le mardi 12 novembre 2019 à 10:10');
      expect(cover).toContain('Infogérance & Services');
      expect(cover).toContain('du samedi 9 novembre 2019 à 10:00 au jeudi 14 novembre 2019 à 11:00'); // notes have no fact date
      expect(cover).toContain('État au mardi 3 décembre 2019 à 10:00');
      expect(cover).toContain('mardi 3 décembre 2019 à 10:30:00 UTC+1, par Ferris (CGT) (représentant syndical)');
      expect(cover).toContain('clos');
    });

    it('then an entry shows both dates, its author and readable labels instead of codes', () => {
      expect(text).toContain('Date des faits mardi 12 novembre 2019 à 08:15');
      expect(text).toContain('Consigné le mardi 12 novembre 2019 à 10:15, par bollywood (agent)');
      expect(text).toContain('Préavis aucun préavis');
      expect(text).toContain('messagerie ; tchat ; serveur de fichiers « Serveur de fichiers (dossiers) »');
      expect(text).toContain('Décidée par le prestataire');
      expect(text).toContain('suspension de compte');
      expect(text).not.toMatch(/\b(mailbox|file_server|account_suspension|question_to_hierarchy|non_blocking)\b/);
    });

    it('then entries recorded late are flagged with the delay', () => {
      expect(text).toContain('Consigné 3 jours après les faits'); // the Saturday mailing
      expect(text).toContain('Consigné 7 jours après les faits'); // the DGS note
    });

    it('then the corrected entry shows the original value, the new one and the reason', () => {
      expect(text).toContain('Correction du vendredi 15 novembre 2019 à 09:00 par bollywood (agent)');
      expect(text).toContain('« Heure vérifiée dans le journal de connexion ; aucun motif n’avait été donné. »');
      expect(text).toContain('Date des faits mardi 12 novembre 2019 à 08:30 → mardi 12 novembre 2019 à 08:15');
      expect(text).toContain('Motif donné Panne supposée → (supprimé)');
    });

    it('then the retracted entry stays, marked « retirée » with its reason', () => {
      expect(text).toContain('Le prestataire aurait agi sur ordre du maire.');
      expect(text).toContain('RETIRÉE');
      expect(text).toContain('Entrée retirée le samedi 16 novembre 2019 à 10:00 par bollywood (agent)');
    });

    it('then the summary gives the outage time, the requests left unanswered, corrections and retractions', () => {
      expect(text).toContain('Durée cumulée des coupures 2 jours 2 heures 45 minutes (3 045 minutes au total)');
      expect(text).toMatch(/Envoyées 2 Réception confirmée 1 Ayant reçu une réponse 1 Sans réponse 1/);
      expect(text).toMatch(/Corrections 1 Retraits 1/);
    });

    it('then the registers list answers, silences and the cut-off with its restoration and duration', () => {
      expect(text).toContain('sans réponse au mardi 3 décembre 2019 à 10:00 (20 jours après l’envoi)');
      expect(text).toContain('Tampon du secrétariat');
      expect(text).toContain('Coupure du mardi 12 novembre 2019 à 08:15');
      expect(text).toContain('jeudi 14 novembre 2019 à 11:00 — tous les accès — « 687 adresses saisies »');
      expect(text).toContain('Réunion du mardi 12 novembre 2019 à 09:00');
    });

    it('then the evidence annex lists each file with its digest, and embeds the one whose bytes were given', () => {
      expect(text).toContain('P1 — erreur-connexion.png');
      expect(text).toContain('a'.repeat(64));
      expect(text).toContain(letterSha256);
      expect(text).toContain('jointe sous le nom « P2-lettre-au-président.pdf »');
      expect(text).toContain(`non jointe : voir attachments/${'a'.repeat(30)}`);
      const list = pdf.run('pdfdetach', ['-enc', 'UTF-8', '-list', pdf.path]);
      expect(list).toContain('1 embedded files');
      expect(list).toContain('P2-lettre-au-président.pdf');
    });

    it('then the integrity page gives the commands, the head hash and the key fingerprint', () => {
      const records = input.records;
      const head = records[records.length - 1]!;
      expect(text).toContain('openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig');
      expect(text).toContain('sha256sum');
      expect(text).toContain(`Empreinte de tête (révision ${head.revision}) ${head.hash}`);
      expect(text).toContain(FINGERPRINT);
      expect(text).toContain('Partagé avec le syndicat cgt (lecture)');
    });

    it('then the outline lists every section', async () => {
      const outline = await outlineOf(bytes);
      expect(outline.map((item) => flat(item.title))).toEqual([
        'Page de garde',
        'Synthèse',
        'Chronologie des faits',
        'Registres',
        'Annexe : pièces',
        'Intégrité et vérification',
      ]);
      expect(outline[2]!.items.map((item) => item.title)).toEqual(['Novembre 2019', 'Décembre 2019']);
      expect(outline[3]!.items.map((item) => flat(item.title))).toEqual(['Demandes écrites', 'Coupures d’accès', 'Réunions']);
      expect(outline[5]!.items.map((item) => item.title)).toEqual(['Partages et exports du dossier']);
    });

    it('then only the embedded DejaVu fonts are used', () => {
      const fonts = pdf.run('pdffonts', [pdf.path]);
      expect(fonts).toMatch(/DejaVuSans\b/);
      expect(fonts).toMatch(/DejaVuSans-Bold/);
      expect(fonts).not.toMatch(/Helvetica|Times|Courier/);
      for (const line of fonts
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== ''))
        expect(line).toMatch(/ yes /);
    });

    it('then a second render of the same input is byte-identical', async () => {
      expect((await renderToBuffer(input)).equals(bytes)).toBe(true);
    });
  });

  describe('given the provider’s commitments and a date after the letter went unanswered', () => {
    let text: string;
    let pdf: PdfFile;
    beforeAll(async () => {
      const input = dossierInput({
        asOf: '2020-02-01T09:00:00.000Z',
        providerCommitments: [{ metric: 'service_restoration', target: 1440, calendar: '24x7', source: 'Contrat d’engagement, annexe 4, indicateur 4.1.2' }],
      });
      pdf = new PdfFile(await renderToBuffer(input));
      text = flat(pdf.text());
    });
    afterAll(() => pdf.remove());

    it('then the letter to the President shows the birth of the implicit rejection and the last day to seize the tribunal, with rules and sources', () => {
      // The other reading is printed beside the date it qualifies (audit F7).
      expect(text).toContain(
        'lundi 13 janvier 2020 (autre lecture possible : mardi 14 janvier 2020) — Décision implicite de rejet née à cette date (règle silence-agent-request ; CRPA L231-4)',
      );
      expect(text).toContain('vendredi 13 mars 2020 (autre lecture possible : lundi 16 mars 2020) — Dernier jour pour saisir le tribunal administratif');
      expect(text).toContain('CJA R421-1');
      expect(text).toContain('décision implicite de rejet');
    });

    it('then the register says once that the dates are help, not legal advice', () => {
      expect(text.match(/pas un conseil juridique/g)).toHaveLength(1);
    });

    it('then the cut-off of 3,045 minutes shows the breach of the 1-day restoration commitment (1,605 minutes), citing the clause', () => {
      expect(text).toContain('Engagement de service dépassé de 1605 minutes');
      expect(text).toContain('Contrat d’engagement, annexe 4, indicateur 4.1.2');
    });
  });

  describe('given 20 business hours to restore, on support hours of 08:00-18:00 redefined to 09:00-17:00 after the cut-off', () => {
    it('then the cut-off is measured on the hours of its time: 1,365 business minutes, 165 over', async () => {
      const weekdays = (from: string, to: string) => Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ from, to }]]));
      const input = dossierInput({
        providerCommitments: [{ metric: 'service_restoration', target: 1200, calendar: 'business_hours', source: 'Contrat d’engagement, annexe 4' }],
        // Tue 12 Nov 08:15 to Thu 14 Nov 11:00: 585 + 600 + 180 on 08:00-18:00; 480 + 480 + 120 on 09:00-17:00, within the 1,200.
        providerBusinessHours: [
          { weekly: weekdays('08:00', '18:00'), source: 'Contrat, annexe 2', definedAt: '2019-11-01T09:00:00.000Z', endedAt: '2019-11-25T09:00:00.000Z' },
          { weekly: weekdays('09:00', '17:00'), source: 'Avenant, annexe 2', definedAt: '2019-11-25T09:00:00.000Z' },
        ],
      });
      const pdf = new PdfFile(await renderToBuffer(input));
      try {
        expect(flat(pdf.text())).toContain('Engagement de service dépassé de 165 minutes');
      } finally {
        pdf.remove();
      }
    });
  });

  describe('given a notice commitment and a cut-off without notice whose author is unknown (audit F3)', () => {
    it('then the dossier says the doubt under the provider’s commitments, without calling it a breach', async () => {
      const records = cutAt(dossierStory(), '2019-12-03T09:00:00.000Z').map((r) =>
        r.type === 'AccessCutOff' ? { ...r, data: { ...(r.data as Record<string, unknown>), decidedBy: 'unknown' } } : r,
      );
      const input = dossierInput({
        records,
        providerCommitments: [{ metric: 'prior_notice', target: 2880, calendar: '24x7', source: 'Contrat d’engagement, article 7' }],
      });
      const pdf = new PdfFile(await renderToBuffer(input));
      try {
        const text = flat(pdf.text());
        expect(text).toContain('Auteur de la coupure non établi');
        expect(text).toContain('opération sans information préalable (non comptée comme manquement)');
        expect(text).not.toContain('Opération sans information préalable');
      } finally {
        pdf.remove();
      }
    });
  });

  describe('given the case as of the day after the cut-off, before access came back', () => {
    it('then the cut-off is counted to asOf and marked « en cours »', async () => {
      const asOf = '2019-11-13T12:00:00.000Z';
      const pdf = new PdfFile(await renderToBuffer(dossierInput({ asOf })));
      try {
        const text = flat(pdf.text());
        // 08:30 Paris on the 12th (not yet corrected) to 13:00 Paris on the 13th.
        expect(text).toContain('en cours au mercredi 13 novembre 2019 à 13:00 : 1 jour 4 heures 30 minutes (1 710 minutes au total)');
        expect(text).toMatch(/dont en cours 1 /);
        expect(text).toContain('1 jour 4 heures 30 minutes (1 710 minutes au total), en cours');
        // Not yet recorded at that date: the restoration, the correction, the retraction.
        expect(text).not.toContain('Rétablissement des accès');
        expect(text).not.toContain('RETIRÉE');
        expect(text).toContain('Date des faits mardi 12 novembre 2019 à 08:30');
      } finally {
        pdf.remove();
      }
    });
  });

  describe('given a case that holds only its opening', () => {
    it('then the dossier still renders every section, saying there is nothing yet', async () => {
      const records = cutAt(dossierStory(), '2019-11-12T09:10:00.000Z');
      expect(records.map((r) => r.type)).toEqual(['CaseOpened']);
      const bytes = await renderToBuffer(dossierInput({ records, asOf: '2019-11-12T09:10:00.000Z' }));
      const pdf = new PdfFile(bytes);
      try {
        expect(pdf.run('qpdf', ['--check', pdf.path])).toContain('No syntax or stream encoding errors found');
        const text = flat(pdf.text());
        expect(text).toContain('Période couverte aucun fait consigné');
        expect(text).toContain('Aucune entrée consignée à cette date.');
        expect(text).toContain('Aucune demande écrite consignée.');
        expect(text).toContain('Aucune pièce jointe.');
        expect(text).toContain('Empreinte de tête (révision 0)');
        const total = pdf.pageCount();
        pdf.pages().forEach((page, index) => expect(flat(page)).toContain(`Page ${index + 1} / ${total}`));
        expect((await outlineOf(bytes)).map((i) => i.title)).toContain('Intégrité et vérification');
      } finally {
        pdf.remove();
      }
    });
  });

  describe('given attachment bytes that are not the recorded file', () => {
    it('then they are not embedded, and the annex says so', async () => {
      const pdf = new PdfFile(await renderToBuffer(dossierInput({ attachments: () => letterBytes })));
      try {
        const text = flat(pdf.text());
        expect(text).toContain('non jointe : le fichier disponible ne correspond pas à l’empreinte');
        const list = pdf.run('pdfdetach', ['-enc', 'UTF-8', '-list', pdf.path]);
        expect(list).toContain('1 embedded files');
        expect(list).toContain('P2-lettre-au-président.pdf');
      } finally {
        pdf.remove();
      }
    });
  });

  describe('given the same file attached twice', () => {
    it('then it is embedded once and the second exhibit points to the first', async () => {
      const base = dossierInput();
      const last = base.records[base.records.length - 1]!;
      const again = {
        ...last,
        revision: last.revision + 1,
        eventId: 'event-again',
        type: 'EvidenceAttached',
        data: { evidenceId: 'ev-again', sha256: letterSha256, size: letterBytes.length, mediaType: 'application/pdf', fileName: 'copie.pdf' },
        metadata: { ...last.metadata, recordedAt: '2019-12-03T08:00:00.000Z' },
        prevHash: last.hash,
        hash: 'c'.repeat(64),
      };
      const pdf = new PdfFile(await renderToBuffer({ ...base, records: [...base.records, again] }));
      try {
        expect(flat(pdf.text())).toContain('même fichier que la pièce P2');
        expect(pdf.run('pdfdetach', ['-list', pdf.path])).toContain('1 embedded files');
      } finally {
        pdf.remove();
      }
    });
  });

  describe('given hostile text: a 20,000-character note, an unbroken 3,000-character word, control characters, emoji and other scripts', () => {
    it('then the text flows over pages and the file stays valid', async () => {
      const base = dossierInput();
      const last = base.records[base.records.length - 1]!;
      const long = 'Le prestataire a coupé l’accès sans préavis. '.repeat(450).slice(0, 20_000);
      const note = {
        ...last,
        revision: last.revision + 1,
        eventId: 'event-hostile',
        type: 'NoteAdded',
        data: { entryId: 'e-hostile', text: `${long}\n${'x'.repeat(3_000)}\u0000\u0007\r\n\tFin 😀 中文 עברית` },
        metadata: { ...last.metadata, recordedAt: '2019-12-03T08:00:00.000Z' },
        prevHash: last.hash,
        hash: 'd'.repeat(64),
      };
      const pdf = new PdfFile(await renderToBuffer({ ...base, records: [...base.records, note] }));
      try {
        expect(pdf.run('qpdf', ['--check', pdf.path])).toContain('No syntax or stream encoding errors found');
        const text = flat(pdf.text());
        expect(text).toContain('Le prestataire a coupé l’accès sans préavis.');
        expect(text).toContain('Fin');
        const total = pdf.pageCount();
        pdf.pages().forEach((page, index) => expect(flat(page)).toContain(`Page ${index + 1} / ${total}`));
      } finally {
        pdf.remove();
      }
    });
  });

  describe('given lang en', () => {
    it('then headings, labels and dates are in English', async () => {
      const bytes = await renderToBuffer(dossierInput({ lang: 'en' }));
      const pdf = new PdfFile(bytes);
      try {
        const text = flat(pdf.text());
        for (const title of [
          'Summary',
          'Chronology of facts',
          'Registers',
          'Written requests',
          'Access cut-offs',
          'Annex: evidence',
          'Integrity and verification',
        ]) {
          expect(text).toContain(title);
        }
        expect(text).toContain('Tuesday 12 November 2019 at 08:15');
        expect(text).toContain('no prior notice');
        expect(text).toContain('Recorded 7 days after the facts');
        expect(text).toContain('RETRACTED');
        expect(text).toContain('2 days 2 hours 45 minutes (3,045 minutes in total)');
        expect(text).not.toContain('Chronologie');
        expect(pdf.info().Title).toBe('Logbook dossier — Coupure des accès de la médiathèque par le prestataire');
        expect((await outlineOf(bytes))[0]!.title).toBe('Cover page');
      } finally {
        pdf.remove();
      }
    });
  });

  describe('given records that do not start with the case opening', () => {
    it('then it refuses with a clear error and writes nothing', async () => {
      const records = dossierInput().records.slice(1);
      await expect(renderToBuffer(dossierInput({ records }))).rejects.toThrow(/CaseOpened/);
    });
  });

  it('keeps the seed ids it relies on', () => {
    expect(ids.cutOff).toBe('e-cutoff');
  });
});
