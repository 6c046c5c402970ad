import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ContentNotFoundError, ContentStore } from './content-store';
import { InvalidSha256Error } from './sha256';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('ContentStore', () => {
  let root: string;
  let store: ContentStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mc-content-'));
    store = new ContentStore(root);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  const stored = () =>
    readdirSync(root, { recursive: true })
      .map(String)
      .filter((p) => !statSync(join(root, p)).isDirectory())
      .sort();

  it('stores bytes under <root>/<first two hex digits>/<sha256> and reads them back', async () => {
    const bytes = Buffer.from('Courrier de la DGS du 13 novembre');
    const h = sha256(bytes);
    expect(await store.putBuffer(bytes)).toEqual({ sha256: h, size: bytes.length });
    expect(stored()).toEqual([join(h.slice(0, 2), h)]);
    expect(store.has(h)).toBe(true);
    expect(store.size(h)).toBe(bytes.length);
    expect(store.readBuffer(h)).toEqual(bytes);
    const chunks: Buffer[] = [];
    for await (const chunk of store.openRead(h)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(bytes);
    expect(await store.verify(h)).toBe(true);
    expect(statSync(store.pathOf(h)).mode & 0o777).toBe(0o600);
  });

  it('copies a file, leaving the source in place, and streams large ones', async () => {
    const source = join(root, 'upload.tmp');
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 0x61);
    big.write('début', 0);
    writeFileSync(source, big);
    const staged = await store.stageFile(source);
    await staged.keep();
    const result = { sha256: staged.sha256, size: staged.size };
    expect(result).toEqual({ sha256: sha256(big), size: big.length });
    expect(existsSync(source)).toBe(true);
    expect(readFileSync(store.pathOf(result.sha256)).equals(big)).toBe(true);

    const streamed = await store.putStream(Readable.from(['un ', 'deux ', Buffer.from('trois')]));
    expect(streamed).toEqual({ sha256: sha256('un deux trois'), size: 13 });
  });

  it('stages a file: hashed and written aside, in the store only once kept, gone once discarded', async () => {
    const source = join(root, '..', `${root.split('/').pop()}-upload`);
    const bytes = Buffer.from('photo de l’écran de connexion');
    writeFileSync(source, bytes);
    try {
      const refused = await store.stageFile(source);
      expect(refused).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
      expect(store.has(refused.sha256)).toBe(false);
      await refused.discard();
      await refused.keep(); // too late: a discarded stage stays discarded
      expect(stored()).toEqual([]);

      const kept = await store.stageFile(source);
      await kept.keep();
      await kept.discard(); // does nothing once kept
      expect(stored()).toEqual([join(kept.sha256.slice(0, 2), kept.sha256)]);

      const again = await store.stageFile(source);
      await again.keep();
      expect(stored()).toEqual([join(kept.sha256.slice(0, 2), kept.sha256)]);
    } finally {
      rmSync(source, { force: true });
    }
  });

  it('removes staged bytes a killed process left, never stored content nor a stage in progress', async () => {
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const kept = await store.putBuffer(Buffer.from('pièce déjà enregistrée'));
    await fsp.utimes(store.pathOf(kept.sha256), old, old);
    const abandoned = await store.stageFile(writeSource('copie interrompue par un arrêt brutal'));
    const inProgress = await store.stageFile(writeSource('dépôt en cours'));
    const [abandonedPart] = readdirSync(join(root, 'tmp')).filter((name) => readFileSync(join(root, 'tmp', name), 'utf8').startsWith('copie'));
    await fsp.utimes(join(root, 'tmp', abandonedPart), old, old);

    expect(await store.removeAbandonedStaging(new Date())).toEqual({ files: 1, bytes: abandoned.size });
    expect(readdirSync(join(root, 'tmp'))).toHaveLength(1);
    expect(store.readBuffer(kept.sha256).toString()).toBe('pièce déjà enregistrée');
    await inProgress.keep();
    expect(store.readBuffer(inProgress.sha256).toString()).toBe('dépôt en cours');
  });

  /** A file to stage, as an upload's temporary file (inside the root, where the store never looks). */
  const writeSource = (text: string): string => {
    mkdirSync(join(root, 'incoming'), { recursive: true });
    const source = join(root, 'incoming', sha256(text));
    writeFileSync(source, text);
    return source;
  };

  it('keeps one copy of the same content and discards the new temporary file', async () => {
    const first = await store.putBuffer(Buffer.from('même contenu'));
    const before = statSync(store.pathOf(first.sha256));
    const second = await store.putBuffer(Buffer.from('même contenu'));
    expect(second).toEqual(first);
    expect(statSync(store.pathOf(first.sha256)).ino).toBe(before.ino);
    expect(stored()).toHaveLength(1);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('replaces a stored copy that was damaged on disk (its size changed)', async () => {
    const bytes = Buffer.from('pièce intacte');
    const { sha256: h } = await store.putBuffer(bytes);
    writeFileSync(store.pathOf(h), 'abîmé');
    expect(await store.verify(h)).toBe(false);
    await store.putBuffer(bytes);
    expect(store.readBuffer(h)).toEqual(bytes);
  });

  it('fsyncs the file, renames it into place, then fsyncs the directory', async () => {
    const steps: string[] = [];
    const handle = await fsp.open(join(root, 'probe'), 'w');
    const FileHandle = Object.getPrototypeOf(handle) as { sync: () => Promise<void> };
    await handle.close();
    const sync = FileHandle.sync;
    jest.spyOn(FileHandle, 'sync').mockImplementation(function (this: unknown) {
      steps.push('fsync');
      return sync.call(this);
    });
    const rename = fsp.rename;
    jest.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      steps.push(`rename ${String(from).startsWith(join(root, 'tmp')) ? 'tmp' : String(from)} -> ${String(to).slice(root.length)}`);
      return rename(from, to);
    });
    const { sha256: h } = await store.putBuffer(Buffer.from('durable'));
    // file, then the root (a new shard folder appeared in it), rename, then the shard folder.
    expect(steps).toEqual(['fsync', 'fsync', `rename tmp -> /${h.slice(0, 2)}/${h}`, 'fsync']);
  });

  it('leaves nothing behind when the bytes cannot all be read', async () => {
    async function* failing() {
      yield Buffer.from('début du fichier');
      throw new Error('connexion coupée');
    }
    await expect(store.putStream(failing())).rejects.toThrow('connexion coupée');
    expect(stored()).toEqual([]);
    await expect(store.stageFile(join(root, 'absent'))).rejects.toThrow(/ENOENT/);
    expect(stored()).toEqual([]);
  });

  it('never turns anything but a lowercase SHA-256 into a path', async () => {
    const { sha256: h } = await store.putBuffer(Buffer.from('x'));
    const hostile = ['../../etc/passwd', h.toUpperCase(), h.slice(1), `${h}0`, `${h.slice(0, 63)}/`, `${h}\n`, 'tmp', '', `../${h}`];
    for (const name of hostile) {
      expect(() => store.has(name)).toThrow(InvalidSha256Error);
      expect(() => store.openRead(name)).toThrow(InvalidSha256Error);
      expect(() => store.readBuffer(name)).toThrow(InvalidSha256Error);
      expect(() => store.size(name)).toThrow(InvalidSha256Error);
    }
  });

  it('says plainly when content is not stored', () => {
    const absent = sha256('jamais stocké');
    expect(store.has(absent)).toBe(false);
    expect(() => store.openRead(absent)).toThrow(ContentNotFoundError);
    expect(() => store.readBuffer(absent)).toThrow(ContentNotFoundError);
    expect(() => store.size(absent)).toThrow(ContentNotFoundError);
  });
});
