import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';

// C0 controls that do not occur in text (tab, line feed, vertical tab, form feed, carriage
// return and escape do). Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const NON_TEXT_CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding if the bytes are text: UTF-8 (with or without BOM) or UTF-16 with its BOM, and no
 * binary control characters. With `complete` false the bytes are a sample of a longer file, so a
 * multi-byte character cut at the end is not held against them.
 */
export function textEncodingOf(bytes: Uint8Array, complete: boolean): TextEncoding | null {
  const encoding = bomEncoding(bytes);
  const checker = new TextChecker(encoding);
  return checker.push(bytes, !complete) && (!complete || checker.end()) ? encoding : null;
}

/** Same as textEncodingOf over a whole file, read in chunks. */
export async function fileTextEncoding(path: string, head: Uint8Array): Promise<TextEncoding | null> {
  const encoding = bomEncoding(head);
  const checker = new TextChecker(encoding);
  const stream = createReadStream(path);
  try {
    for await (const chunk of stream) {
      if (!checker.push(chunk as Buffer, true)) return null;
    }
  } finally {
    stream.destroy();
  }
  return checker.end() ? encoding : null;
}

function bomEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

class TextChecker {
  private readonly decoder: TextDecoder;

  constructor(encoding: TextEncoding) {
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  push(bytes: Uint8Array, more: boolean): boolean {
    try {
      return !NON_TEXT_CONTROL.test(this.decoder.decode(bytes, { stream: more }));
    } catch {
      return false;
    }
  }

  end(): boolean {
    return this.push(new Uint8Array(0), false);
  }
}

const MAIL_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'received',
  'return-path',
  'message-id',
  'mime-version',
  'delivered-to',
  'reply-to',
  'sender',
  'in-reply-to',
  'references',
  'content-type',
  'x-mailer',
  'dkim-signature',
  'authentication-results',
  'thread-topic',
  'x-originating-ip',
]);
// Headers a message only gets from a mail program or a mail server, not from someone typing a note.
const TRANSPORT_HEADERS = new Set(['from', 'received', 'return-path', 'message-id', 'delivered-to', 'dkim-signature']);
const FIELD = /^([!-9;-~]+):/;

/**
 * An Internet message (.eml): the bytes open with an RFC 5322 header block, at least two known
 * mail header fields of which one a mail program writes (From, Received, Message-ID...). Only
 * the header block is looked at: bodies are often in a legacy 8-bit charset.
 */
export function looksLikeEmail(sample: Uint8Array): boolean {
  const lines = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1').split(/\r?\n/);
  const names = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (index === 0) return false;
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) {
      // The sample may stop in the middle of a line.
      if (index === lines.length - 1 && index > 0) break;
      return false;
    }
    names.add(field[1].toLowerCase());
  }
  const known = [...names].filter((name) => MAIL_HEADERS.has(name));
  return known.length >= 2 && known.some((name) => TRANSPORT_HEADERS.has(name));
}
