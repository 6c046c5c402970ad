import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dsfrDir, projectRoot, webDir } from './static-pages';

describe('web pages location', () => {
  const root = projectRoot();

  it('finds the project root from the sources and from the build (dist/)', () => {
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(projectRoot(join(root, 'dist', 'apps', 'api', 'src', 'web'))).toBe(root);
    expect(projectRoot(join(root, 'apps', 'api', 'src', 'web'))).toBe(root);
  });

  it('has the pages and the DSFR stylesheet where it serves them from', () => {
    expect(existsSync(join(webDir(), 'index.html'))).toBe(true);
    expect(existsSync(join(dsfrDir(), 'dsfr.min.css'))).toBe(true);
  });
});
