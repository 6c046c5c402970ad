import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';

/**
 * The project root: the nearest folder above `from` holding package.json. The same walk works
 * from the sources (apps/api/src/web) and from the build (dist/apps/api/src/web).
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const webDir = (): string => join(projectRoot(), 'apps', 'api', 'web');

/**
 * The DSFR build shipped by @gouvfr/dsfr; only the stylesheet and icons are served. Its code is
 * MIT for everyone, but the Marianne font is licensed to State services only, which we are not:
 * the fonts are not served and app.css sets a system font instead.
 */
export const dsfrDir = (): string => join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');
const DSFR_FILES = /^\/(dsfr\.min\.css|utility\/icons\/icons\.min\.css|icons\/[\w-]+\/[\w-]+\.svg|favicon\/favicon\.svg)$/;

/**
 * The pages (static HTML, CSS and ES modules, no build step) at `/` and the DSFR at `/dsfr/`.
 * The app's helmet headers apply (createApp): scripts from this origin only, no inline script or
 * handler, blob: images for the preview of a photo before it is sent.
 */
export function serveWebPages(app: NestExpressApplication): void {
  app.use('/dsfr', (req: Request, res: Response, next: NextFunction) => (DSFR_FILES.test(req.path) ? next() : res.status(404).end()));
  app.useStaticAssets(dsfrDir(), { prefix: '/dsfr/', maxAge: '7d', index: false });
  // no-cache: the browser revalidates (ETag), so a new version of the pages is seen at once.
  const pages = express.static(webDir(), { index: 'index.html', setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') });
  // API calls never look for a file on disk (a stat per request otherwise).
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/') ? next() : pages(req, res, next)));
}
