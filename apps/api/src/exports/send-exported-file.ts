import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Response } from 'express';
import { contentDisposition } from '../http/content-disposition';

/** A file rendered for one export, kept in the data directory until it has been sent. */
export interface ExportedFile {
  path: string;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  exportId: string;
  /** Deletes the temporary file once sent. */
  dispose: () => Promise<void>;
}

/** SHA-256 and size of a file, read as a stream. */
export async function sha256Of(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Sends an exported file with its digest and export id, then deletes it. */
export function sendExportedFile(res: Response, file: ExportedFile): void {
  res.setHeader('Content-Type', file.mediaType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  res.setHeader('X-Export-Id', file.exportId);
  res.setHeader('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
  const stream = createReadStream(file.path);
  stream.on('close', () => void file.dispose());
  stream.pipe(res);
}
