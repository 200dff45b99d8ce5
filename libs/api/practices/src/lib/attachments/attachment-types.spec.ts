import { ATTACHMENT_LIMITS } from '@kengash/contracts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import {
  contentDisposition,
  detectAttachmentType,
  extensionOf,
  isUtf8WithoutNul,
  sanitiseFileName,
  storedFileName,
} from './attachment-types';

/** A ZIP file (deflated entries) written here, so DOCX/XLSX/PPTX/ODT are built from their real structure. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const packed = name === 'mimetype' ? data : deflateRawSync(data);
    const method = name === 'mimetype' ? 0 : 8;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="${
    {
      'word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      'xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'ppt/presentation.xml': 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    }[main]
  }"/></Types>`;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64),
]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([36, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(32),
]);
/** The start of a real ELF executable (this machine's node), and a DOS/PE header. */
const ELF = readFileSync(process.execPath).subarray(0, 8192);
const PE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
]);

describe('detectAttachmentType', () => {
  let dir: string;
  let n = 0;
  const file = (bytes: Buffer | string) => {
    const path = join(dir, `f${n++}`);
    writeFileSync(path, bytes);
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kengash-types-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['report.pdf', PDF, 'application/pdf', 'pdf'],
    ['photo.png', PNG, 'image/png', 'png'],
    ['photo.jpeg', JPEG, 'image/jpeg', 'jpeg'],
    ['photo.webp', WEBP, 'image/webp', 'webp'],
    [
      'handbook.docx',
      zip({ '[Content_Types].xml': contentTypes('word/document.xml'), 'word/document.xml': '<w:document/>' }),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'docx',
    ],
    [
      'figures.xlsx',
      zip({ '[Content_Types].xml': contentTypes('xl/workbook.xml'), 'xl/workbook.xml': '<workbook/>' }),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'xlsx',
    ],
    [
      'slides.pptx',
      zip({ '[Content_Types].xml': contentTypes('ppt/presentation.xml'), 'ppt/presentation.xml': '<p/>' }),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'pptx',
    ],
    [
      'note.odt',
      zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }),
      'application/vnd.oasis.opendocument.text',
      'odt',
    ],
    ['notes.txt', 'Reintegration notes — заметки, eslatmalar\n', 'text/plain', 'txt'],
    ['figures.csv', 'country,programmes\nUZ,4\nKZ,3\n', 'text/plain', 'csv'],
  ])('accepts %s from its content', async (name, bytes, mime, ext) => {
    await expect(detectAttachmentType(file(bytes), name)).resolves.toEqual({
      ok: true,
      contentType: mime,
      extension: ext,
    });
  });

  it('tells the real type when the name lies about an accepted one', async () => {
    await expect(detectAttachmentType(file(PNG), 'scan.pdf')).resolves.toEqual({
      ok: true,
      contentType: 'image/png',
      extension: 'png',
    });
  });

  it.each([
    ['an ELF executable named .pdf', ELF, 'report.pdf', /application\/x-elf/],
    ['a Windows executable named .pdf', PE, 'report.pdf', /application\/x-msdownload/],
    ['a plain ZIP named .docx', zip({ 'a.txt': 'hello' }), 'handbook.docx', /application\/zip/],
    ['a shell script named .pdf', '#!/bin/sh\nrm -rf /\n', 'report.pdf', /not a recognised document/],
    ['HTML named .html', '<html><script>alert(1)</script></html>', 'page.html', /not a recognised document/],
    ['binary named .txt', Buffer.from([0x41, 0x00, 0x42, 0x43]), 'data.txt', /must be UTF-8 text/],
    ['Latin-1 text named .csv', Buffer.from('caf\xe9\n', 'latin1'), 'list.csv', /must be UTF-8 text/],
  ])('refuses %s', async (_what, bytes, name, reason) => {
    const result = await detectAttachmentType(file(bytes), name);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(reason);
  });

  it('reads text in chunks: a multi-byte character across a chunk boundary is still UTF-8', async () => {
    const text = 'a'.repeat(64 * 1024 - 1) + 'ж' + 'b'.repeat(10);
    await expect(isUtf8WithoutNul(file(text))).resolves.toBe(true);
    await expect(isUtf8WithoutNul(file(Buffer.concat([Buffer.from(text), Buffer.from([0xd0])])))).resolves.toBe(false);
  });
});

describe('file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\report.pdf', 'report.pdf'],
    ['  Отчёт  2024 .pdf ', 'Отчёт 2024 .pdf'],
    ['evil\u202Efdp.exe', 'evilfdp.exe'],
    ['line\r\nbreak.txt', 'linebreak.txt'],
    ['a<b>:"c"|?*.txt', 'a_b___c____.txt'],
    ['...hidden', 'hidden'],
    ['', ''],
  ])('sanitises %j to %j', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('caps long names and keeps the extension', () => {
    const name = sanitiseFileName('x'.repeat(500) + '.pdf');
    expect([...name].length).toBe(ATTACHMENT_LIMITS.fileNameMax);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it.each([
    ['report.pdf', 'pdf', 'report.pdf'],
    ['Report.PDF', 'pdf', 'Report.PDF'],
    ['photo.jpg', 'png', 'photo.png'],
    ['Annual report 2024', 'pdf', 'Annual report 2024.pdf'],
    [undefined, 'pdf', 'attachment.pdf'],
    ['/', 'png', 'attachment.png'],
  ])('stores %j found to be .%s as %j', (raw, ext, expected) => {
    expect(storedFileName(raw, ext)).toBe(expected);
  });

  it('extensionOf', () => {
    expect(extensionOf('a.tar.GZ')).toBe('gz');
    expect(extensionOf('README')).toBe('');
  });

  it('offers the exact name in RFC 5987 form with an ASCII fallback', () => {
    expect(contentDisposition('Отчёт (итог) 100%.pdf')).toBe(
      `attachment; filename="_____ (____) 100_.pdf"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20%28%D0%B8%D1%82%D0%BE%D0%B3%29%20100%25.pdf`,
    );
    expect(contentDisposition('café "x".txt')).toBe(
      `attachment; filename="cafe _x_.txt"; filename*=UTF-8''caf%C3%A9%20%22x%22.txt`,
    );
  });
});
