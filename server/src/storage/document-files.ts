// Document files live under DATA_DIR/documents, named by their SHA-256: a path is never built from input.

import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

export function documentsDir(dataDir: string): string {
  return path.join(dataDir, 'documents');
}

export function documentPath(dataDir: string, sha256: string): string | null {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  return path.join(documentsDir(dataDir), `${sha256}.pdf`);
}

/** Writes the file durably (fsync, then rename) and returns its SHA-256. */
export function storePdf(dataDir: string, body: Buffer): string {
  const sha256 = createHash('sha256').update(body).digest('hex');
  const dir = documentsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${sha256}.pdf`);
  if (existsSync(file)) return sha256;
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, body);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return sha256;
}

export function countPdfPages(buffer: Buffer): number | null {
  const matches = buffer.toString('latin1').match(/\/Type\s*\/Page(?!s)/g);
  return matches ? matches.length : null;
}
