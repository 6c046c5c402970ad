import type { Role } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import type { ProviderBusinessHours, ProviderSlaCommitment } from '@mc/projections';
import type { Lang } from './i18n';

export interface DossierAuthor {
  id: string;
  username: string;
  role: Role;
  displayName?: string;
}

/** Everything a dossier is rendered from. Equal inputs give byte-identical PDFs. */
export interface DossierInput {
  /** The case stream in revision order, already cut at asOf by the caller (recordedAt <= asOf). */
  records: StoredEvent[];
  /** ISO-8601: the date the dossier states the journal as of. */
  asOf: string;
  lang: Lang;
  /** IANA display time zone, e.g. Europe/Paris. */
  timezone: string;
  generatedAt: Date;
  generatedBy: DossierAuthor;
  /**
   * Rendered as the dossier.pdf of an evidence bundle: the integrity page then says how to check the
   * bundle. Otherwise the PDF is handed out on its own, and says how its export event proves it.
   */
  inBundle?: boolean;
  /** Hex SHA-256 of the signing public key (DER SubjectPublicKeyInfo). */
  signingKeyFingerprint: string;
  /** The bytes of an evidence file to embed, or null when unavailable or too big. */
  attachments?: (sha256: string) => Buffer | null;
  /** The provider's name, when the caller knows it (the case only holds its id). */
  providerName?: string;
  /** The provider's commitments over time (ProviderState.commitmentHistory): the registers print the breaches of each cut-off against the one in force when it began, as held at asOf. */
  providerCommitments?: ProviderSlaCommitment[];
  /** The contract's support hours over time (ProviderState.businessHoursHistory), those in force when each cut-off began apply; the seed contract's when none. */
  providerBusinessHours?: readonly ProviderBusinessHours[];
  /** Count public holidays of Alsace-Moselle too (Good Friday, 26 December) in legal deadlines. */
  alsaceMoselle?: boolean;
}
