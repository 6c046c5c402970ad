import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';

// Windows cannot open a directory for fsync; NTFS makes a rename durable without it.
const DIRECTORY_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL']);

function ignorable(error: unknown): boolean {
  return process.platform === 'win32' && DIRECTORY_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '');
}

/** Makes the creation, rename or removal of a directory's entries durable. */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!ignorable(error)) throw error;
  } finally {
    await handle?.close();
  }
}

export function fsyncDirectorySync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (!ignorable(error)) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
