import * as FileType from 'file-type';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileTextEncoding, looksLikeEmail, textEncodingOf, type TextEncoding } from './text-sniff';

export const OCTET_STREAM = 'application/octet-stream';
export const EMAIL_MEDIA_TYPE = 'message/rfc822';

const SAMPLE_BYTES = 64 * 1024;

/** Programs and installers: the API answers 415 rather than keep them as evidence. */
const REFUSED = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-dosexec',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-elf',
  'application/x-sharedlib',
  'application/x-mach-binary',
  'application/x-msi',
  'application/x-ms-installer',
  'application/x-sh',
  'application/x-shellscript',
  'text/x-shellscript',
  'text/x-sh',
  'text/x-script',
  'application/x-bat',
  'application/x-powershell',
  'text/vbscript',
  'application/x-vbscript',
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'application/hta',
  'application/x-wsf',
  'application/java-archive',
  'application/x-java-archive',
  'application/java-vm',
  'application/vnd.android.package-archive',
  'application/x-apple-diskimage',
  'application/x-deb',
  'application/vnd.debian.binary-package',
  'application/x-rpm',
  'application/x-google-chrome-extension',
  'application/x-xpinstall',
  'application/wasm',
  'application/x.ms.shortcut',
  'application/x-ms-shortcut',
  'application/x-ms-regedit',
]);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** More precise names for containers file-type stops at: a claim among these does not contradict it. */
const REFINEMENTS: Record<string, readonly string[]> = {
  'application/x-cfb': ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'application/vnd.ms-outlook', 'application/x-msi'],
  'application/zip': [
    DOCX,
    XLSX,
    PPTX,
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation',
    'application/epub+zip',
    'application/vnd.etsi.asic-e+zip',
    'application/java-archive',
    'application/vnd.android.package-archive',
  ],
};

/** Kinds of text a claim or a file name may name; any other text is plain text. */
const TEXT_REFINEMENTS = new Set(['text/csv', 'text/tab-separated-values', 'text/markdown']);

/** Formats file-type recognizes that are text, so that text content does not overrule them. */
const TEXTUAL_FORMATS = new Set([
  'application/xml',
  'text/calendar',
  'text/vcard',
  'application/rtf',
  'application/postscript',
  'application/eps',
  'application/pdf',
]);

/** Types a browser would run or render actively: never taken from a client's word. */
const ACTIVE = new Set([
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/xml',
  'text/xml',
  'application/javascript',
  'application/ecmascript',
]);

const BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  md: 'text/markdown',
  markdown: 'text/markdown',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  msg: 'application/vnd.ms-outlook',
  docx: DOCX,
  xlsx: XLSX,
  pptx: PPTX,
  sh: 'application/x-sh',
  bash: 'application/x-sh',
  zsh: 'application/x-sh',
  bat: 'application/x-bat',
  cmd: 'application/x-bat',
  ps1: 'application/x-powershell',
  psm1: 'application/x-powershell',
  vbs: 'text/vbscript',
  vbe: 'text/vbscript',
  js: 'text/javascript',
  mjs: 'text/javascript',
  cjs: 'text/javascript',
  jse: 'text/javascript',
  wsf: 'application/x-wsf',
  hta: 'application/hta',
  com: 'application/x-msdos-program',
  exe: 'application/x-msdownload',
  scr: 'application/x-msdownload',
  dll: 'application/x-msdownload',
  msi: 'application/x-msi',
  jar: 'application/java-archive',
  apk: 'application/vnd.android.package-archive',
  lnk: 'application/x.ms.shortcut',
  reg: 'application/x-ms-regedit',
};

type Sniffed = { kind: 'format'; type: string } | { kind: 'text'; encoding: TextEncoding } | { kind: 'binary' };

/**
 * The media type of some bytes (the whole content, a sample of its beginning, or a file path),
 * judged from the content. The client's claimed type and file name only refine it where the
 * content cannot contradict them (an Office document inside a ZIP, CSV inside text, an unknown
 * binary format), and never make content look more harmless than it is.
 */
export async function detectMediaType(input: Uint8Array | string, claimed?: string, fileName?: string): Promise<string> {
  const found = await sniff(input);
  const hints = [essence(claimed), fileName ? BY_EXTENSION[extname(fileName).slice(1).toLowerCase()] : undefined].filter((hint): hint is string => !!hint);
  return settle(found, hints);
}

export function isRefusedMediaType(type: string): boolean {
  return REFUSED.has(essence(type) ?? '');
}

async function sniff(input: Uint8Array | string): Promise<Sniffed> {
  const isPath = typeof input === 'string';
  const head = isPath ? await readHead(input) : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const native = executableMagic(head);
  if (native) return { kind: 'format', type: native };

  const detected = await formatOf(input, head);
  // Two- or three-byte signatures ("MZ", "ID3") also begin ordinary sentences.
  if (detected && (TEXTUAL_FORMATS.has(detected.mime) || !textEncodingOf(head, false))) {
    return { kind: 'format', type: detected.mime };
  }
  if (looksLikeEmail(head)) return { kind: 'format', type: EMAIL_MEDIA_TYPE };
  const encoding = isPath ? await fileTextEncoding(input, head) : textEncodingOf(head, false);
  if (encoding) {
    if (encoding === 'utf-8' && head[0] === 0x23 && head[1] === 0x21) return { kind: 'format', type: scriptType(head) };
    return { kind: 'text', encoding };
  }
  return detected ? { kind: 'format', type: detected.mime } : { kind: 'binary' };
}

/**
 * file-type's verdict, or undefined when the content ends inside the structure its signature
 * announces (a PNG cut after its signature, say): a damaged file is still evidence, kept as
 * unrecognized bytes. file-type 16 means to answer undefined there, but lets its end-of-stream
 * error through (a missing await in fromTokenizer).
 */
async function formatOf(input: Uint8Array | string, head: Buffer): Promise<FileType.FileTypeResult | undefined> {
  try {
    return typeof input === 'string' ? await FileType.fromFile(input) : await FileType.fromBuffer(head);
  } catch (error) {
    if ((error as Error)?.constructor?.name === 'EndOfStreamError') return undefined;
    throw error;
  }
}

function settle(found: Sniffed, hints: string[]): string {
  switch (found.kind) {
    case 'format': {
      const refinements = hints.filter((hint) => REFINEMENTS[found.type]?.includes(hint));
      return refinements.find(isRefusedMediaType) ?? refinements[0] ?? found.type;
    }
    case 'text': {
      // Text cannot contradict "this is a script": the claim or the name decides.
      const script = hints.find(isRefusedMediaType);
      if (script) return script;
      const kind = hints.find((hint) => TEXT_REFINEMENTS.has(hint)) ?? 'text/plain';
      return `${kind}; charset=${found.encoding}`;
    }
    case 'binary':
      return hints.find(fitsUnknownBinary) ?? OCTET_STREAM;
    default: {
      const never: never = found;
      throw new Error(`Unhandled sniff result ${JSON.stringify(never)}`);
    }
  }
}

/** A claim an unrecognized binary content cannot contradict: a format file-type would not spot. */
function fitsUnknownBinary(type: string): boolean {
  const [top] = type.split('/');
  if (top === 'text' || top === 'message' || top === 'multipart') return false;
  return !FileType.mimeTypes.has(type as FileType.MimeType) && !ACTIVE.has(type) && type !== OCTET_STREAM;
}

/** Native executables file-type does not know. */
function executableMagic(head: Buffer): string | null {
  if (head.length < 8) return null;
  const magic = head.readUInt32BE(0);
  if (magic === 0x7f454c46) return 'application/x-elf';
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic)) return 'application/x-mach-binary';
  // 0xCAFEBABE opens both universal Mach-O binaries (then an architecture count) and Java
  // classes (then a version, 45 or more).
  if (magic === 0xcafebabe) return head.readUInt32BE(4) < 45 ? 'application/x-mach-binary' : 'application/java-vm';
  return null;
}

function scriptType(head: Buffer): string {
  const interpreter = head.subarray(0, 128).toString('latin1').split('\n', 1)[0];
  return /\b(ba|da|k|z|c|tc)?sh\b/.test(interpreter) ? 'text/x-shellscript' : 'text/x-script';
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** `type/subtype` without parameters, lowercased; undefined when it is not a media type. */
function essence(type: string | undefined): string | undefined {
  const bare = type?.split(';', 1)[0].trim().toLowerCase();
  return bare && MEDIA_TYPE.test(bare) ? bare : undefined;
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
