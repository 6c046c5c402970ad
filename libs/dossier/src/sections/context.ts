import type { DossierInput } from '../dossier-input';
import type { EntryDescriber } from '../format/entry-fields';
import type { Formatter } from '../format/formatter';
import type { Messages } from '../i18n';
import type { DossierModel } from '../model/dossier-model';
import type { Embedding } from '../pdf/embed-evidence';
import type { Layout } from '../pdf/layout';
import type { Pacer } from '../pdf/pacing';

/** What every section draws with. */
export interface SectionContext {
  input: DossierInput;
  model: DossierModel;
  m: Messages;
  f: Formatter;
  describe: EntryDescriber;
  layout: Layout;
  /** The document's root outline, where each section adds its bookmark. */
  outline: PDFKit.PDFOutline;
  /** « n° 3 (Demande écrite — …) », or the raw id of an entry not in the dossier. */
  ref(entryId: string): string;
  /** « n° 3 », or the raw id. */
  number(entryId: string): string;
  /** What became of each evidence file, by evidenceId. */
  embeddings: ReadonlyMap<string, Embedding>;
  /** Long loops tick it to let the event loop breathe. */
  pacer: Pacer;
}
