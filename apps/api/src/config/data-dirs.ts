import { join } from 'node:path';
import type { AppConfig } from './config';

/** Where multer writes an upload's bytes while the request lasts. */
export const uploadsDir = (config: Pick<AppConfig, 'dataDir'>): string => join(config.dataDir, 'uploads');

/** Where an export (dossier PDF, bundle, provider report) is written before it is sent. */
export const exportsDir = (config: Pick<AppConfig, 'dataDir'>): string => join(config.dataDir, 'exports');
