import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES, AttachmentContentType } from '@kengash/contracts';
import type * as FileTypeLib from 'file-type' with { 'resolution-mode': 'import' };
import { createReadStream } from 'node:fs';

/**
 * `file-type` is ESM only. Node (≥ 20.19) loads it with require(esm); the static `require` lets webpack keep it
 * external, and the lazy call keeps modules that never detect anything from loading it.
 */
let fileTypeLib: typeof FileTypeLib | undefined;
const fileType = (): typeof FileTypeLib => (fileTypeLib ??= require('file-type') as typeof FileTypeLib);

export type Detection =
  | { ok: true; contentType: AttachmentContentType; extension: string }
  | { ok: false; reason: string };

const TEXT_EXTENSIONS: readonly string[] = ATTACHMENT_TYPES.find((t) => t.mime === 'text/plain')?.extensions ?? [];

/** The lower-case extension of a name (`report.PDF` → `pdf`), or '' when it has none. */
export const extensionOf = (name: string): string => {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match ? match[1].toLowerCase() : '';
};

const described = (mime: string, ext: string | undefined) => (ext ? `${mime} (.${ext})` : mime);

/**
 * What a stored file really is, from its bytes: the magic numbers (`file-type`, which also looks inside ZIP
 * containers to tell DOCX/XLSX/PPTX/ODT from any ZIP), checked against the allow-list. A file without magic
 * bytes is accepted only as plain text: its name must end in .txt or .csv and its content must be UTF-8 without
 * NUL bytes. Anything else, an executable named `.pdf` included, is refused with the reason.
 */
export async function detectAttachmentType(path: string, fileName: string): Promise<Detection> {
  const found = await fileType().fileTypeFromFile(path);
  const allowed = (mime: string) => ATTACHMENT_TYPES.find((t) => t.mime === mime && t.mime !== 'text/plain');
  if (found) {
    const type = allowed(found.mime);
    if (!type)
      return {
        ok: false,
        reason: `the content is ${described(found.mime, found.ext)}, which is not accepted; accepted: ${acceptedList()}`,
      };
    const extensions: readonly string[] = type.extensions;
    const ext = extensionOf(fileName);
    return { ok: true, contentType: type.mime, extension: extensions.includes(ext) ? ext : extensions[0] };
  }
  const ext = extensionOf(fileName);
  if (!TEXT_EXTENSIONS.includes(ext))
    return {
      ok: false,
      reason: `the content is not a recognised document or image; accepted: ${acceptedList()}`,
    };
  if (!(await isUtf8WithoutNul(path)))
    return { ok: false, reason: `a .${ext} file must be UTF-8 text (this one is binary or in another encoding)` };
  return { ok: true, contentType: 'text/plain', extension: ext };
}

export function acceptedList(): string {
  return ATTACHMENT_TYPES.map((t) => t.label).join(', ');
}

/** Streams the file through a fatal UTF-8 decoder: false at the first NUL byte or invalid sequence. */
export async function isUtf8WithoutNul(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) return false;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

// ---- names ---------------------------------------------------------------------------------------------

/** Control characters, invisible formatting and bidirectional overrides (a name could fake its extension). */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The uploader's file name, for display and the download only (never a path): the last path segment, NFC,
 * without control, invisible or bidi characters, without characters Windows refuses, no leading dots, at most
 * `ATTACHMENT_LIMITS.fileNameMax` characters (the extension kept).
 */
export function sanitiseFileName(raw: string | undefined): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(INVISIBLE, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const chars = [...name];
  if (chars.length > ATTACHMENT_LIMITS.fileNameMax) {
    const ext = extensionOf(name);
    const keep = ATTACHMENT_LIMITS.fileNameMax - (ext ? ext.length + 1 : 0);
    name = chars.slice(0, keep).join('').trimEnd() + (ext ? `.${ext}` : '');
  }
  return name;
}

/**
 * The name stored for an accepted file: the sanitised name with the extension of what the file really is (a PNG
 * named `photo.jpg` becomes `photo.png`; a name without extension gets one; `attachment.<ext>` when nothing is left).
 */
export function storedFileName(raw: string | undefined, extension: string): string {
  const name = sanitiseFileName(raw);
  const current = extensionOf(name);
  if (!name || name.toLowerCase() === `.${extension}`) return `attachment.${extension}`;
  if (current === extension) return name;
  const base = current ? name.slice(0, -(current.length + 1)) : name;
  const trimmed = [...(base || 'attachment')].slice(0, ATTACHMENT_LIMITS.fileNameMax - extension.length - 1).join('');
  return `${trimmed}.${extension}`;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the exact name in RFC 5987 form
 * (`filename*=UTF-8''…`), which every current browser uses.
 */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%]/g, '_') || 'attachment';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
