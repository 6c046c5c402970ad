import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, openSync, readFileSync, statSync, type ReadStream, type Stats } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assertSha256Hex } from './sha256';
import { fsyncDirectory } from './durable-fs';
import { ABANDONED_AFTER_MS, removeAbandonedFiles, type RemovedFiles } from './abandoned-files';

export interface StoredContent {
  sha256: string;
  size: number;
}

/** Bytes written and hashed but not yet in the store: kept once the caller's checks pass, discarded otherwise. */
export interface StagedContent extends StoredContent {
  /** Moves the bytes into place (nothing to do when that content is already stored). */
  keep(): Promise<void>;
  /** Removes the staged bytes; does nothing once kept. */
  discard(): Promise<void>;
}

export type ByteChunks = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

export class ContentNotFoundError extends Error {
  readonly code = 'CONTENT_NOT_FOUND';
  constructor(readonly sha256: string) {
    super(`No stored content ${sha256}`);
    this.name = 'ContentNotFoundError';
  }
}

/**
 * Content-addressed store of attachment bytes: `<root>/<first two hex digits>/<sha256>`.
 * The only names ever turned into paths are SHA-256 digests this store computed or checked,
 * never a name a client sent. Files are immutable once renamed into place.
 */
export class ContentStore {
  private readonly root: string;
  private readonly tmpDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.tmpDir = join(this.root, 'tmp');
  }

  putBuffer(bytes: Uint8Array): Promise<StoredContent> {
    return this.putStream([bytes]);
  }

  /**
   * Hashes the bytes while writing them to `<root>/tmp/`, fsyncs them, then renames them into
   * place and fsyncs the directory. When that content is already stored the copy is discarded.
   */
  async putStream(source: ByteChunks | Iterable<Uint8Array>): Promise<StoredContent> {
    const staged = await this.stageStream(source);
    try {
      await staged.keep();
      return { sha256: staged.sha256, size: staged.size };
    } finally {
      await staged.discard();
    }
  }

  /** Copies a file (e.g. an upload's temporary file) into the store's temporary area and hashes it; see StagedContent. The source is left as is. */
  stageFile(sourcePath: string): Promise<StagedContent> {
    return this.stageStream(readChunks(sourcePath));
  }

  private async stageStream(source: ByteChunks | Iterable<Uint8Array>): Promise<StagedContent> {
    // A stream that fails before it is read must reject this call, not crash the process: the
    // iteration below reports the stream's error.
    if (isEmitter(source)) source.on('error', () => undefined);
    await mkdir(this.tmpDir, { recursive: true });
    const tempPath = join(this.tmpDir, `${randomUUID()}.part`);
    let written: StoredContent;
    try {
      written = await writeHashed(tempPath, source);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    let settled = false;
    return {
      ...written,
      keep: async () => {
        if (settled) return;
        const moved = await this.commit(tempPath, written.sha256, written.size);
        settled = true;
        if (!moved) await rm(tempPath, { force: true });
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await rm(tempPath, { force: true });
      },
    };
  }

  /** Removes staged bytes no request will keep or discard any more (their process was killed); see removeAbandonedFiles. */
  removeAbandonedStaging(now: Date, olderThanMs = ABANDONED_AFTER_MS): Promise<RemovedFiles> {
    return removeAbandonedFiles(this.tmpDir, now, olderThanMs);
  }

  /* Reads are synchronous where callers need them so (the PDF renderer's attachment callback);
     each is one stat or one open. */

  has(sha256: string): boolean {
    return statOrNull(this.pathOf(sha256))?.isFile() ?? false;
  }

  size(sha256: string): number {
    const stats = statOrNull(this.pathOf(sha256));
    if (!stats?.isFile()) throw new ContentNotFoundError(sha256);
    return stats.size;
  }

  /** Opens the bytes for reading; throws ContentNotFoundError at once rather than on the stream. */
  openRead(sha256: string): ReadStream {
    const path = this.pathOf(sha256);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw notFoundOr(error, sha256);
    }
    return createReadStream(path, { fd });
  }

  readBuffer(sha256: string): Buffer {
    try {
      return readFileSync(this.pathOf(sha256));
    } catch (error) {
      throw notFoundOr(error, sha256);
    }
  }

  /** Re-hashes the stored bytes: false if they no longer match their name (disk corruption). */
  async verify(sha256: string): Promise<boolean> {
    const hash = createHash('sha256');
    for await (const chunk of this.openRead(sha256)) hash.update(chunk as Buffer);
    return hash.digest('hex') === sha256;
  }

  /** The file of a digest; rejects anything that is not 64 lowercase hex digits. */
  pathOf(sha256: string): string {
    assertSha256Hex(sha256);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Returns true when the temporary file was moved into place. */
  private async commit(tempPath: string, sha256: string, size: number): Promise<boolean> {
    const target = this.pathOf(sha256);
    const existing = statOrNull(target);
    // Same digest and same size: already stored. A size mismatch means the stored copy was
    // damaged on disk, so the fresh, just-hashed copy replaces it.
    if (existing?.isFile() && existing.size === size) return false;
    const shard = dirname(target);
    const created = await mkdir(shard, { recursive: true });
    if (created !== undefined) await fsyncDirectory(this.root);
    await rename(tempPath, target);
    await fsyncDirectory(shard);
    return true;
  }
}

/** The file's chunks; the file is opened on first read, so that a missing file rejects stageFile. */
async function* readChunks(path: string): AsyncIterable<Buffer> {
  for await (const chunk of createReadStream(path)) yield chunk as Buffer;
}

function isEmitter(value: unknown): value is NodeJS.EventEmitter {
  return typeof (value as NodeJS.EventEmitter).on === 'function';
}

async function writeHashed(tempPath: string, source: ByteChunks | Iterable<Uint8Array>): Promise<StoredContent> {
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(tempPath, 'wx', 0o600);
  try {
    for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(bytes);
      size += bytes.byteLength;
      await writeAll(handle, bytes);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), size };
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
    offset += bytesWritten;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function notFoundOr(error: unknown, sha256: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'EISDIR' ? new ContentNotFoundError(sha256) : error;
}
