import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { detectMediaType, isRefusedMediaType } from './media-type';

/** Tiny but real files, built from their published magic numbers. */
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])),
  chunk('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0]))),
  chunk('IEND', Buffer.alloc(0)),
]);
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '08'.repeat(64) + 'ffd9', 'hex');
const GIF = Buffer.from(
  'GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;',
  'latin1',
);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([26, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.from([13, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00]),
]);
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(16)]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
const PE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(48)]);
const MACHO = Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), Buffer.alloc(24)]);
const EMAIL = Buffer.from(
  'Received: from mail.example.fr by mx.example.fr; Tue, 12 Nov 2019 09:41:00 +0100\r\n' +
    'From: DGS <dgs@example.fr>\r\nTo: mediatheque@example.fr\r\nSubject: =?utf-8?q?Acc=C3=A8s?=\r\n' +
    'Date: Tue, 12 Nov 2019 09:40:00 +0100\r\n\r\nCorps du message en Latin-1 : acc\xe8s coup\xe9\r\n',
  'latin1',
);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
}

/** A minimal ZIP holding one entry, e.g. the part that makes a ZIP a Word document. */
function zipWith(name: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.alloc(64)]);
}

describe('detectMediaType', () => {
  it('recognizes formats from their content, whatever the client claims', async () => {
    expect(await detectMediaType(PDF, 'image/png', 'photo.png')).toBe('application/pdf');
    expect(await detectMediaType(PNG, 'application/pdf', 'lettre.pdf')).toBe('image/png');
    expect(await detectMediaType(JPEG, 'text/plain')).toBe('image/jpeg');
    expect(await detectMediaType(GIF)).toBe('image/gif');
    expect(await detectMediaType(WEBP)).toBe('image/webp');
    expect(await detectMediaType(HEIC, 'application/octet-stream', 'IMG_0042.HEIC')).toBe('image/heic');
    expect(await detectMediaType(zipWith('word/document.xml'), 'application/zip')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('takes a claim that only refines what the content shows', async () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(await detectMediaType(zipWith('archive/readme.txt'), docx)).toBe(docx);
    expect(await detectMediaType(zipWith('archive/readme.txt'), 'image/png')).toBe('application/zip');
    expect(await detectMediaType(zipWith('archive/readme.txt'), undefined, 'outil.jar')).toBe('application/java-archive');
  });

  it('detects e-mails from their header block, even with a Latin-1 body', async () => {
    expect(await detectMediaType(EMAIL, 'application/octet-stream', 'message.eml')).toBe('message/rfc822');
    expect(await detectMediaType(Buffer.from('Subject: réunion\nDate: demain\n\nnotes'))).toBe('text/plain; charset=utf-8');
  });

  it('calls valid UTF-8 text text, and refines it only into other kinds of text', async () => {
    const text = Buffer.from('Compte rendu de la réunion du 12 novembre 2019 — 😡\nLigne 2\r\n');
    expect(await detectMediaType(text)).toBe('text/plain; charset=utf-8');
    expect(await detectMediaType(text, 'text/html')).toBe('text/plain; charset=utf-8');
    expect(await detectMediaType(text, 'image/svg+xml')).toBe('text/plain; charset=utf-8');
    expect(await detectMediaType(Buffer.from('date;heure\n2019-11-12;09:40\n'), undefined, 'coupures.csv')).toBe('text/csv; charset=utf-8');
    expect(await detectMediaType(Buffer.from('MZ est un sigle.\n'))).toBe('text/plain; charset=utf-8');
    const windows = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Relevé exporté par Windows\r\n', 'utf16le')]);
    expect(await detectMediaType(windows)).toBe('text/plain; charset=utf-16le');
  });

  it('falls back to application/octet-stream, keeping only claims the content cannot contradict', async () => {
    const unknown = Buffer.from([0x00, 0x13, 0x37, 0xfe, 0x00, 0x80, 0x81, 0x00, 0x01, 0x02]);
    expect(await detectMediaType(unknown)).toBe('application/octet-stream');
    expect(await detectMediaType(unknown, 'image/png')).toBe('application/octet-stream');
    expect(await detectMediaType(unknown, 'text/plain')).toBe('application/octet-stream');
    expect(await detectMediaType(unknown, 'text/html')).toBe('application/octet-stream');
    expect(await detectMediaType(unknown, 'application/vnd.ms-outlook')).toBe('application/vnd.ms-outlook');
    expect(await detectMediaType(Buffer.from('caf\xe9 cr\xe8me', 'latin1'))).toBe('application/octet-stream');
  });

  it('names executables and scripts so that the API can refuse them, whatever they claim', async () => {
    const cases: Array<[Buffer, string | undefined, string | undefined]> = [
      [ELF, 'image/jpeg', 'photo.jpg'],
      [PE, 'application/pdf', 'facture.pdf'],
      [MACHO, undefined, undefined],
      [Buffer.from('#!/bin/sh\nrm -rf /\n'), 'text/plain', 'notes.txt'],
      [Buffer.from('Write-Host "bonjour"\n'), 'text/plain', 'script.ps1'],
      [Buffer.from('@echo off\r\n'), undefined, 'lancer.BAT'],
      [Buffer.from([0xb4, 0x09, 0xba, 0x10, 0x01, 0xcd, 0x21]), undefined, 'vieux.com'],
    ];
    for (const [bytes, claimed, name] of cases) {
      const type = await detectMediaType(bytes, claimed, name);
      expect({ name, type, refused: isRefusedMediaType(type) }).toEqual({ name, type, refused: true });
    }
    expect(await detectMediaType(ELF, 'image/jpeg')).toBe('application/x-elf');
    expect(await detectMediaType(PE)).toBe('application/x-msdownload');
  });

  it('answers for every file cut short, from bytes and from a path: a damaged file is still evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-media-'));
    try {
      const samples = { PDF, PNG, JPEG, GIF, WEBP, HEIC, ELF, PE, MACHO, EMAIL, DOCX: zipWith('word/document.xml') };
      for (const [name, bytes] of Object.entries(samples)) {
        for (let length = 0; length <= bytes.length; length++) {
          const cut = bytes.subarray(0, length);
          writeFileSync(join(dir, 'cut'), cut);
          const fromBytes = await detectMediaType(cut, 'image/png').catch((e: Error) => `threw ${e.message}`);
          const fromPath = await detectMediaType(join(dir, 'cut'), 'image/png').catch((e: Error) => `threw ${e.message}`);
          expect({ name, length, fromBytes, fromPath }).toEqual({ name, length, fromBytes: expect.not.stringMatching(/^threw/), fromPath });
        }
      }
      // A PNG signature alone: bytes nobody can name.
      expect(await detectMediaType(PNG.subarray(0, 8), 'text/plain')).toBe('application/octet-stream');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads from a path as from bytes, checking the whole file for text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-media-'));
    try {
      const write = (name: string, bytes: Buffer) => {
        writeFileSync(join(dir, name), bytes);
        return join(dir, name);
      };
      expect(await detectMediaType(write('a', PDF), 'image/png')).toBe('application/pdf');
      expect(await detectMediaType(write('b', EMAIL))).toBe('message/rfc822');
      const longText = Buffer.from('é'.repeat(100_000));
      expect(await detectMediaType(write('c', longText))).toBe('text/plain; charset=utf-8');
      // Valid at the start, binary after the first 64 KiB sample.
      expect(await detectMediaType(write('d', Buffer.concat([longText, Buffer.from([0, 1, 2, 0xff])])))).toBe('application/octet-stream');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('isRefusedMediaType', () => {
  it('refuses programs and installers, not documents', () => {
    for (const type of [
      'application/x-msdownload',
      'application/x-elf',
      'application/x-mach-binary',
      'application/x-sh',
      'application/x-msi',
      'text/x-shellscript',
      'APPLICATION/X-MSDOWNLOAD; foo=bar',
    ]) {
      expect({ type, refused: isRefusedMediaType(type) }).toEqual({ type, refused: true });
    }
    for (const type of ['application/pdf', 'image/jpeg', 'text/plain; charset=utf-8', 'message/rfc822', 'application/zip', 'application/octet-stream']) {
      expect({ type, refused: isRefusedMediaType(type) }).toEqual({ type, refused: false });
    }
  });
});
