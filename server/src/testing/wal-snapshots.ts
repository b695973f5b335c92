// What someone holding a copy of the data directory can see: every committed state of the database, rebuilt
// from the main file and the frames of its write-ahead log (https://sqlite.org/fileformat2.html#walformat).
// A WAL file is a 32-byte header followed by frames, each a 24-byte header and one page image; a frame whose
// "database size" field is not zero ends a transaction. Applying the valid frames up to each commit frame onto
// a copy of the main file gives the database as it was right after that commit.

import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface WalFrame {
  /** Page number (1-based). */
  page: number;
  /** Database size in pages after this frame, when it ends a transaction; 0 otherwise. */
  commitSize: number;
  /** Whether the frame belongs to the log's current generation (its salts and checksums are right). */
  valid: boolean;
  data: Buffer;
}

export interface WalFile {
  pageSize: number;
  frames: WalFrame[];
}

/** SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from s1, s2. */
function walChecksum(data: Buffer, bigEndian: boolean, s1: number, s2: number): [number, number] {
  let a = s1 >>> 0;
  let b = s2 >>> 0;
  for (let i = 0; i < data.length; i += 8) {
    const x = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const y = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    a = (a + x + b) >>> 0;
    b = (b + y + a) >>> 0;
  }
  return [a, b];
}

export function readWal(file: string): WalFile | null {
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  if (buf.length < 32) return null;
  const magic = buf.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) throw new Error(`not a WAL file: ${file}`);
  const bigEndian = magic === 0x377f0683;
  const pageSize = buf.readUInt32BE(8) || 65536;
  const salt1 = buf.readUInt32BE(16);
  const salt2 = buf.readUInt32BE(20);
  let [c1, c2] = walChecksum(buf.subarray(0, 24), bigEndian, 0, 0);
  const frames: WalFrame[] = [];
  let chainValid = c1 === buf.readUInt32BE(24) && c2 === buf.readUInt32BE(28);
  for (let off = 32; off + 24 + pageSize <= buf.length; off += 24 + pageSize) {
    const header = buf.subarray(off, off + 24);
    const data = buf.subarray(off + 24, off + 24 + pageSize);
    let valid = false;
    if (chainValid && header.readUInt32BE(8) === salt1 && header.readUInt32BE(12) === salt2) {
      [c1, c2] = walChecksum(header.subarray(0, 8), bigEndian, c1, c2);
      [c1, c2] = walChecksum(data, bigEndian, c1, c2);
      valid = c1 === header.readUInt32BE(16) && c2 === header.readUInt32BE(20);
    }
    // After the first invalid frame nothing later counts for SQLite (a stale tail of an earlier generation).
    if (!valid) chainValid = false;
    frames.push({ page: header.readUInt32BE(0), commitSize: header.readUInt32BE(4), valid, data: Buffer.from(data) });
  }
  return { pageSize, frames };
}

export type TableDump = Record<string, string[]>;

/** Every row of every table (sqlite_sequence and the schema included), as sorted JSON lines. */
export function dumpAllTables(db: Database.Database): TableDump {
  const out: TableDump = {};
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  out.sqlite_master = (db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  for (const { name } of tables) {
    out[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[])
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? `blob:${v.toString('hex')}` : v)))
      .sort();
  }
  return out;
}

export interface Snapshot {
  /** Index of the commit frame in the WAL (-1: the main file alone). */
  commitFrame: number;
  tables: TableDump;
}

/**
 * Every committed state a copy of `dbFile` (with its `-wal` beside it) holds: the main file alone, then the
 * state after each committed transaction of the WAL's current generation.
 */
export function committedSnapshots(dbFile: string): Snapshot[] {
  const scratch = mkdtempSync(path.join(tmpdir(), 'hddt-wal-'));
  try {
    const base = readFileSync(dbFile);
    const wal = readWal(`${dbFile}-wal`);
    const snapshots: Snapshot[] = [];
    let image = Buffer.from(base);
    const open = (bytes: Buffer, index: number): Snapshot => {
      const copy = Buffer.from(bytes);
      // Bytes 18–19 say "WAL mode"; a copy marked as a rollback-journal database opens without a -wal/-shm.
      if (copy.length >= 20) {
        copy[18] = 1;
        copy[19] = 1;
      }
      const file = path.join(scratch, `s${index}.sqlite`);
      writeFileSync(file, copy);
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return { commitFrame: index, tables: dumpAllTables(db) };
      } finally {
        db.close();
      }
    };
    if (image.length > 0) snapshots.push(open(image, -1));
    if (!wal) return snapshots;
    const pending: WalFrame[] = [];
    wal.frames.forEach((frame, index) => {
      if (!frame.valid) return;
      pending.push(frame);
      if (frame.commitSize === 0) return;
      const size = frame.commitSize * wal.pageSize;
      const next = Buffer.alloc(size);
      image.copy(next, 0, 0, Math.min(image.length, size));
      for (const f of pending) {
        if (f.page <= frame.commitSize) f.data.copy(next, (f.page - 1) * wal.pageSize);
      }
      pending.length = 0;
      image = next;
      snapshots.push(open(image, index));
    });
    return snapshots;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface TableChange {
  table: string;
  added: string[];
  removed: string[];
}

/** What changed from one snapshot to the next, table by table. */
export function diffSnapshots(a: TableDump, b: TableDump): TableChange[] {
  const changes: TableChange[] = [];
  for (const table of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const before = new Set(a[table] ?? []);
    const after = new Set(b[table] ?? []);
    const added = [...after].filter((r) => !before.has(r));
    const removed = [...before].filter((r) => !after.has(r));
    if (added.length > 0 || removed.length > 0) changes.push({ table, added, removed });
  }
  return changes;
}

/** Copies the database and its -wal/-shm (whatever exists) as they are right now into `toDir`. */
export function copyDatabaseFiles(dataDir: string, toDir: string, name = 'hoi-dong.sqlite'): string {
  for (const suffix of ['', '-wal', '-shm']) {
    const from = path.join(dataDir, `${name}${suffix}`);
    if (existsSync(from)) copyFileSync(from, path.join(toDir, `${name}${suffix}`));
  }
  return path.join(toDir, name);
}

/** Every raw byte an attacker can read: the main file, and every frame of the WAL, stale ones included. */
export function rawBytes(dbFile: string): Buffer {
  const parts = [readFileSync(dbFile)];
  if (existsSync(`${dbFile}-wal`)) parts.push(readFileSync(`${dbFile}-wal`));
  return Buffer.concat(parts);
}
