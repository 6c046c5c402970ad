import { createHash } from 'node:crypto';

/** A content address: 64 lowercase hex digits, nothing else (no path separators, no case games). */
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

export class InvalidSha256Error extends Error {
  readonly code = 'INVALID_SHA256';
  constructor(value: unknown) {
    super(`Not a SHA-256 (64 lowercase hex digits): ${JSON.stringify(String(value)).slice(0, 80)}`);
    this.name = 'InvalidSha256Error';
  }
}

export function assertSha256Hex(value: unknown): asserts value is string {
  if (!isSha256Hex(value)) throw new InvalidSha256Error(value);
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
