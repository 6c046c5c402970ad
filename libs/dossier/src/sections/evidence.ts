import type { EvidenceItem } from '../model/dossier-model';
import { COLORS } from '../pdf/layout';
import type { Row } from '../pdf/layout';
import type { SectionContext } from './context';

const INDENT = 14;

/** The list of exhibits with their digests, and whether each file is inside this PDF. */
export async function drawEvidence(ctx: SectionContext): Promise<void> {
  const { model, m, layout } = ctx;
  layout.newPage();
  layout.heading1(m.sections.evidence, ctx.outline);
  if (model.evidence.length === 0) {
    layout.paragraph(m.evidence.none, { color: COLORS.muted });
    return;
  }
  layout.paragraph(m.evidence.intro, { after: 8 });
  for (const item of model.evidence) {
    drawItem(ctx, item);
    await ctx.pacer.tick();
  }
}

function drawItem(ctx: SectionContext, item: EvidenceItem): void {
  const { m, f, layout } = ctx;
  const { entry } = item;
  const label = m.evidenceNo(item.number);
  const rows: Row[] = [{ heading: `${label} — ${item.fileName}`, note: m.revision(String(entry.revision)) }];
  const field = (name: string, value: string, mono = false): void => {
    rows.push({ label: name, value, style: { indent: INDENT, mono } });
  };
  field(m.evidence.mediaType, item.mediaType);
  field(m.evidence.size, f.bytes(item.size));
  field(m.evidence.sha256, item.sha256, true);
  field(m.evidence.recordedAt, m.entry.recordedBy(f.dateTime(entry.recordedAt), f.actor(entry.actor)));
  if (typeof entry.data.capturedAt === 'string') field(m.evidence.capturedAt, f.dateTime(entry.data.capturedAt));
  if (typeof entry.data.aboutEntryId === 'string') field(m.evidence.about, ctx.ref(entry.data.aboutEntryId));
  if (typeof entry.data.description === 'string') field(m.evidence.description, entry.data.description);
  field(m.evidence.embedded, embeddingText(ctx, item));
  layout.block(rows);
  layout.gap(8);
}

/** What the annex says about the file in this PDF. */
function embeddingText(ctx: SectionContext, item: EvidenceItem): string {
  const { m } = ctx;
  const bundlePath = `attachments/${item.sha256}`;
  const outcome = ctx.embeddings.get(item.entry.entryId);
  switch (outcome?.kind) {
    case 'embedded':
      return m.evidence.embeddedAs(outcome.name);
    case 'duplicate':
      return m.evidence.sameAs(m.evidenceNo(outcome.of));
    case 'mismatch':
      return m.evidence.mismatch(bundlePath);
    default:
      return m.evidence.notEmbedded(bundlePath);
  }
}
