// What an uploaded file is, decided from its bytes and never from its name or the type the browser sent: a
// renamed executable is not a PDF because it is called "nghi-quyet.pdf". Office files are ZIP (DOCX, XLSX) or
// OLE2 compound files (DOC, XLS) and are told apart by what they contain.

import { unzipSync } from 'fflate';
import { PORTAL_FILE_TYPES } from '@hddt/protocol';

export type PortalFileType = keyof typeof PORTAL_FILE_TYPES & string;

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const utf16le = (text: string) => Buffer.from(text, 'utf16le');

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The names inside a ZIP archive, read from its directory without inflating anything; null if it is not one. */
function zipNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** The file's type by its content (one of PORTAL_FILE_TYPES), or null when it is none of them. */
export function sniffFileType(bytes: Uint8Array): PortalFileType | null {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, ZIP)) {
    const names = zipNames(bytes);
    if (!names) return null;
    if (names.includes('[Content_Types].xml')) {
      if (names.some((n) => n.startsWith('word/'))) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      if (names.some((n) => n.startsWith('xl/'))) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    }
    return 'application/zip';
  }
  if (startsWith(bytes, CFB)) {
    // The compound file's directory names its streams in UTF-16: Word keeps "WordDocument", Excel "Workbook".
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.includes(utf16le('WordDocument'))) return 'application/msword';
    if (buf.includes(utf16le('Workbook')) || buf.includes(utf16le('Book\0'))) return 'application/vnd.ms-excel';
    return null;
  }
  return null;
}

/** Pixel size from a PNG's or JPEG's header, read before decoding (null when the header is not readable). */
export function imageHeaderSize(bytes: Uint8Array, type: 'image/jpeg' | 'image/png'): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'image/png') {
    if (bytes.length < 24) return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  // JPEG: walk the segments to the first start-of-frame marker (SOF0–SOF15 except DHT, JPG and DAC).
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/**
 * The name readers download the file under: the uploaded name without any folder, control characters or
 * characters Windows refuses, NFC, at most 160 characters, ending in the extension of the type found.
 */
export function storedFileName(uploaded: string, type: PortalFileType): string {
  const ext = PORTAL_FILE_TYPES[type]!.ext;
  const base = (uploaded.normalize('NFC').split(/[\\/]/).pop() ?? '')
    .split('')
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'<>:"|?*'.includes(c))
    .join('')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .slice(0, 150)
    .trim();
  return `${base || 'tep'}.${ext}`;
}
