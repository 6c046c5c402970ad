import type { DossierInput } from './dossier-input';
import { EntryDescriber } from './format/entry-fields';
import { Formatter } from './format/formatter';
import { messagesFor } from './i18n';
import { buildDossierModel } from './model/dossier-model';
import { createDocument, streamDocument } from './pdf/document';
import { embedEvidence } from './pdf/embed-evidence';
import { dejaVuFonts } from './pdf/fonts';
import { Layout } from './pdf/layout';
import { Pacer } from './pdf/pacing';
import { drawPageFurniture } from './pdf/page-furniture';
import { drawChronology } from './sections/chronology';
import type { SectionContext } from './sections/context';
import { drawCover } from './sections/cover';
import { drawEvidence } from './sections/evidence';
import { drawIntegrity } from './sections/integrity';
import { drawRegisters } from './sections/registers';
import { drawSummary } from './sections/summary';

/** How many characters of the case id the running header shows. */
const SHORT_ID_LENGTH = 8;

/**
 * Renders the PDF dossier of one case, as of `input.asOf`, and streams it to `out` (which is
 * ended). Resolves once `out` has taken every byte. Only the records are read, through the
 * projections; equal inputs give byte-identical files.
 */
export async function renderDossier(input: DossierInput, out: NodeJS.WritableStream): Promise<void> {
  const m = messagesFor(input.lang);
  const f = new Formatter(m, input.timezone);
  const model = buildDossierModel(input.records, input.asOf, {
    providerCommitments: input.providerCommitments,
    providerBusinessHours: input.providerBusinessHours,
    alsaceMoselle: input.alsaceMoselle,
  });
  const fonts = dejaVuFonts();
  const { summary } = model;
  const asOf = f.instant(input.asOf);
  const doc = createDocument(
    {
      title: `${m.dossierTitle} — ${summary.title}`,
      author: input.generatedBy.displayName ?? input.generatedBy.username,
      subject: m.subject(summary.title, asOf),
      creationDate: input.generatedAt,
      lang: m.pdfLang,
    },
    fonts,
  );
  await streamDocument(doc, out, async () => {
    const layout = new Layout(doc, fonts);
    const number = (entryId: string): string => {
      const n = model.numbers.get(entryId);
      return n === undefined ? entryId : m.entryNo(n);
    };
    const ref = (entryId: string): string => {
      const entry = model.byId.get(entryId);
      if (!entry) return entryId;
      const cited = `${number(entryId)} (${describe.headline(entry)})`;
      return entry.retracted ? `${cited} ${m.entry.retractedSuffix}` : cited;
    };
    const describe = new EntryDescriber(f, { entry: ref });
    const embeddings = await embedEvidence(doc, model.evidence, input.attachments, m.evidenceNo);
    const ctx: SectionContext = { input, model, m, f, layout, outline: doc.outline, describe, ref, number, embeddings, pacer: new Pacer(doc) };
    drawCover(ctx);
    drawSummary(ctx);
    await drawChronology(ctx);
    await drawRegisters(ctx);
    await drawEvidence(ctx);
    drawIntegrity(ctx);
    drawPageFurniture(doc, fonts, {
      header: m.runningHeader(summary.title, summary.id.slice(0, SHORT_ID_LENGTH)),
      footer: m.footer(f.shortInstant(input.asOf)),
      page: m.page,
    });
  });
}
