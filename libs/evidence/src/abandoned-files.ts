import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * How long a temporary file goes unmodified before it counts as abandoned. A file being written
 * is modified all the time, and one being read (an export on its way to a slow client) may go,
 * since POSIX keeps its bytes for the reader until it closes it. An hour also covers the clock
 * differences of instances sharing one volume.
 */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export interface RemovedFiles {
  files: number;
  bytes: number;
}

const nothing = (): RemovedFiles => ({ files: 0, bytes: 0 });

/**
 * Removes the regular files directly in `dir` last modified more than `olderThanMs` before `now`:
 * the temporary copies (uploads, staged evidence, exports) a process killed in the middle of a
 * request left behind. Subdirectories and other entries are left alone; a directory that does not
 * exist, or a file another process removed meanwhile, is not an error.
 */
export async function removeAbandonedFiles(dir: string, now: Date, olderThanMs = ABANDONED_AFTER_MS): Promise<RemovedFiles> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return nothing();
    throw error;
  }
  const removed = nothing();
  const cutoff = now.getTime() - olderThanMs;
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stats = await lstat(path);
      if (!stats.isFile() || stats.mtimeMs > cutoff) continue;
      await rm(path);
      removed.files += 1;
      removed.bytes += stats.size;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  return removed;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
