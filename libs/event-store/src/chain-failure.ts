/** What a chain check reports about the first broken link it finds (hash-chain.ts). */
export type ChainFailureReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'revision_gap' | 'recorded_at_regression' | 'malformed';

export interface ChainFailure {
  streamId: string;
  /** -1 when a malformed record has no usable revision. */
  revision: number;
  reason: ChainFailureReason;
  expected?: string;
  found?: string;
  message: string;
}
