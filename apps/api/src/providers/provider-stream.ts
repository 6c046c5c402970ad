import { DomainError, SEED_CONTRACT_WEEKLY_HOURS, type WeeklyHours } from '@mc/domain';
// The provider module is imported by path until libs/domain/src/index.ts re-exports it.
import { ProviderCommitment, ProviderState, RecordedProviderEvent, commitmentsOf, foldProvider, providerStream } from '@mc/domain/provider/provider';
import { EventStore, StoredEvent, StreamNotFoundError } from '@mc/event-store/event-store.port';
import { isUuid } from '../journal/case-stream';

export interface LoadedProvider {
  providerId: string;
  records: StoredEvent[];
  state: ProviderState;
  /** Revision of the last event, null when the provider does not exist. */
  revision: number | null;
}

export function providerNotFound(): DomainError {
  return DomainError.of('NOT_FOUND', 'providerId', 'Prestataire introuvable.', 'Provider not found.');
}

/**
 * Reads a provider stream and folds it: the commitments in force per metric (`state.commitments`,
 * or `commitmentsOf(state)` as a list). An unknown provider, or an id that is not a UUID, is an
 * empty state (`state.exists === false`), not an error: the outages projection asks about the
 * `providerId` a case names, which may be anything.
 */
export async function loadProvider(store: EventStore, providerId: string): Promise<LoadedProvider> {
  let records: StoredEvent[] = [];
  if (isUuid(providerId)) {
    try {
      records = await store.readStream(providerStream(providerId));
    } catch (e) {
      if (!(e instanceof StreamNotFoundError)) throw e;
    }
  }
  const state = foldProvider(records as unknown as RecordedProviderEvent[]);
  return { providerId, records, state, revision: records.length > 0 ? records[records.length - 1].revision : null };
}

/** Loads a provider that exists, or answers 404. */
export async function loadExistingProvider(store: EventStore, providerId: string): Promise<LoadedProvider> {
  const loaded = await loadProvider(store, providerId);
  if (!loaded.state.exists) throw providerNotFound();
  return loaded;
}

/** A provider as GET /providers and GET /providers/:id show it. */
export interface ProviderView {
  id: string;
  streamId: string;
  name: string;
  contractReference: string | null;
  services: string[];
  contact: string | null;
  registeredAt: string;
  revision: number;
  commitments: ProviderCommitment[];
  /** The contract's support hours; null while the seed contract's apply. */
  businessHours: ProviderState['businessHours'];
  /** The seed contract's weekly hours, which apply while businessHours is null (national holidays closed). */
  defaultWeeklyHours: WeeklyHours;
}

export function providerView(loaded: LoadedProvider): ProviderView {
  const { state } = loaded;
  return {
    id: loaded.providerId,
    streamId: providerStream(loaded.providerId),
    name: state.name,
    contractReference: state.contractReference,
    services: state.services,
    contact: state.contact,
    registeredAt: state.registeredAt ?? '',
    revision: loaded.revision ?? -1,
    commitments: commitmentsOf(state),
    businessHours: state.businessHours,
    defaultWeeklyHours: SEED_CONTRACT_WEEKLY_HOURS,
  };
}
