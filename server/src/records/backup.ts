// Backups and restores of a data directory: the SQLite online backup API gives a consistent copy of the
// database while the server runs; the document files are immutable (named by their hash) and copied beside it.
// A restore refuses another council's backup and a data directory a running server is using.

import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '@hddt/protocol';
import Database from 'better-sqlite3';
import type { Db } from '../storage/database';
import { verifyChain } from '../storage/event-log';

export type { BackupInfo };

export const DB_FILE = 'hoi-dong.sqlite';
const DOC_NAME = /^[0-9a-f]{64}\.pdf$/;

function stamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace(/\./g, '-');
}

export function councilIdOf(db: Db): string | null {
  try {
    const row = db.prepare('SELECT config FROM council WHERE id = 1').get() as { config: string } | undefined;
    return row ? ((JSON.parse(row.config) as { id?: string }).id ?? null) : null;
  } catch {
    return null;
  }
}

function headOf(db: Db): { seq: number; hash: string } {
  const row = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: '0'.repeat(64) };
}

function copyDocuments(fromDir: string, toDir: string): number {
  let files = 0;
  if (!existsSync(fromDir)) return 0;
  mkdirSync(toDir, { recursive: true });
  for (const name of readdirSync(fromDir)) {
    if (!DOC_NAME.test(name)) continue;
    if (!existsSync(path.join(toDir, name))) copyFileSync(path.join(fromDir, name), path.join(toDir, name));
    files += 1;
  }
  return files;
}

/** A consistent online copy of the live database and the documents into <dataDir>/backups/<timestamp>/. */
export async function backupDataDir(db: Db, dataDir: string, now: Date): Promise<BackupInfo> {
  let target = path.join(dataDir, 'backups', stamp(now));
  for (let i = 2; existsSync(target); i += 1) target = path.join(dataDir, 'backups', `${stamp(now)}-${i}`);
  mkdirSync(target, { recursive: true });
  const file = path.join(target, DB_FILE);
  await db.backup(file);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  let info: BackupInfo;
  try {
    info = {
      path: target,
      createdAt: now.toISOString(),
      councilId: councilIdOf(copy),
      logHead: headOf(copy),
      documents: copyDocuments(path.join(dataDir, 'documents'), path.join(target, 'documents')),
    };
  } finally {
    copy.close();
  }
  writeFileSync(path.join(target, 'manifest.json'), JSON.stringify(info, null, 2) + '\n');
  return info;
}

/**
 * Whether another connection (a running server) has the database open. Leaving WAL mode needs every other
 * connection closed: SQLite answers SQLITE_BUSY while a server holds the file. When nobody does, the switch
 * also folds a crash-left WAL into the file. (A leftover -wal file alone proves nothing: even a read-only
 * inspection such as `npm run verify` leaves one behind.)
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { timeout: 0, fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED') return true;
    throw error;
  } finally {
    db.close();
  }
}

export interface RestoreOptions {
  /** Accept a backup of another council (its council id differs from the target's). */
  forceOtherCouncil?: boolean;
  /** Overwrite a database that a running server has open (dangerous: stop the server instead). */
  force?: boolean;
  now?: Date;
}

export type RestoreResult =
  | { ok: true; councilId: string | null; logHead: { seq: number; hash: string }; documents: number; previous: string | null }
  | { ok: false; reason: 'no-backup' | 'broken-backup' | 'other-council' | 'target-in-use'; message: string };

/** Replaces the data dir's database with the backup's (the previous file is kept aside) and adds its documents. */
export function restoreDataDir(backupDir: string, dataDir: string, options: RestoreOptions = {}): RestoreResult {
  const source = path.join(backupDir, DB_FILE);
  if (!existsSync(source)) {
    return { ok: false, reason: 'no-backup', message: `Không có bản sao lưu tại / no backup at ${source}` };
  }
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  let backupCouncil: string | null;
  let logHead: { seq: number; hash: string };
  try {
    const chain = verifyChain(backup);
    if (!chain.ok) {
      return {
        ok: false,
        reason: 'broken-backup',
        message: `Bản sao lưu hỏng: chuỗi nhật ký đứt tại mục ${chain.brokenAt?.seq} / backup log chain broken at seq ${chain.brokenAt?.seq}`,
      };
    }
    backupCouncil = councilIdOf(backup);
    logHead = headOf(backup);
  } finally {
    backup.close();
  }

  const target = path.join(dataDir, DB_FILE);
  if (databaseInUse(target) && !options.force) {
    return {
      ok: false,
      reason: 'target-in-use',
      message:
        `Cơ sở dữ liệu đích đang được một máy chủ mở. Hãy dừng máy chủ trước, hoặc dùng --force. / ` +
        `The target database is open in a running server. Stop the server first, or pass --force.`,
    };
  }
  if (existsSync(target)) {
    const current = new Database(target, { readonly: true, fileMustExist: true });
    const targetCouncil = councilIdOf(current);
    current.close();
    if (targetCouncil && backupCouncil !== targetCouncil && !options.forceOtherCouncil) {
      return {
        ok: false,
        reason: 'other-council',
        message:
          `Bản sao lưu thuộc hội đồng khác (${backupCouncil ?? '?'} ≠ ${targetCouncil}). Dùng --force-other-council nếu thật sự muốn. / ` +
          `The backup belongs to another council (${backupCouncil ?? '?'} ≠ ${targetCouncil}). Pass --force-other-council to restore anyway.`,
      };
    }
  }

  mkdirSync(dataDir, { recursive: true });
  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${stamp(options.now ?? new Date())}`;
    // The WAL moves with its database, so nothing committed in it is lost.
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${previous}${suffix}`);
    }
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(source, target);
  const documents = copyDocuments(path.join(backupDir, 'documents'), path.join(dataDir, 'documents'));
  return { ok: true, councilId: backupCouncil, logHead, documents, previous };
}
