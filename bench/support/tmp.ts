import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const created: string[] = [];

/** A fresh directory under `root`, removed by cleanupTempDirs() unless kept. */
export function tempDir(root: string, label: string): string {
  const dir = mkdtempSync(join(root, `mc-bench-${label}-`));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs(keep: boolean): string[] {
  const dirs = created.splice(0);
  if (!keep) for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  return dirs;
}
