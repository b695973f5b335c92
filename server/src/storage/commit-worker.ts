// The commit off the event loop: a worker thread with its own connection to the hall's SQLite file runs a
// batch's writes (event rows, projection rows, both already computed by the engine's thread) in one
// transaction and answers when COMMIT has returned. The connection has the same settings as openDatabase's
// (WAL, synchronous = FULL, secure_delete), so "answered" still means "on disk", as with the commit on the main
// thread; what changes is that the event loop reads and answers tablets while the WAL is written and synced.
//
// The worker's code is a string evaluated in the worker (no file to find from the bundle, the tests or tsx);
// better-sqlite3 is loaded from where this module resolves it.

import { Worker } from 'node:worker_threads';
import { EVENT_INSERT_SQL, type EventInsertRow } from './event-log';
import { PROJECTION_SQL, type ProjectionOp } from './projections';

const WORKER_CODE = `
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
const { createRequire } = process.getBuiltinModule('node:module');
const Database = createRequire(workerData.base)('better-sqlite3');
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('secure_delete = ON');
const insertEvent = db.prepare(workerData.eventSql);
const statements = {};
for (const [name, sql] of Object.entries(workerData.projectionSql)) statements[name] = db.prepare(sql);
const write = db.transaction((events, ops) => {
  for (const row of events) insertEvent.run(...row);
  for (const [name, params] of ops) statements[name].run(...params);
});
parentPort.on('message', (job) => {
  if (job === 'close') {
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  try {
    if (job.maxPageCount !== undefined) db.pragma('max_page_count = ' + Number(job.maxPageCount));
    write(job.events, job.ops);
    parentPort.postMessage({ id: job.id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, message: String((error && error.message) || error), code: error && error.code });
  }
});
`;

type Reply = { closed: true } | { id: number; ok: true } | { id: number; ok: false; message: string; code?: string };

/** A failed commit in the worker, with SQLite's code (SQLITE_FULL, SQLITE_IOERR_…) kept for the engine's log. */
export class CommitError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export class CommitWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private broken: Error | null = null;
  private onClosed: (() => void) | null = null;

  constructor(file: string) {
    this.worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { base: import.meta.url, file, eventSql: EVENT_INSERT_SQL, projectionSql: PROJECTION_SQL },
    });
    // The thread keeps the process alive only while a commit is waiting for it (see commit).
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      if ('closed' in reply) return this.onClosed?.();
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (!waiting) return;
      if (reply.ok) waiting.resolve();
      else waiting.reject(new CommitError(reply.message, reply.code));
    });
    const fail = (error: Error) => {
      this.broken ??= error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      this.onClosed?.();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`commit worker exited (${code})`)));
  }

  /** The limit last sent to the worker's connection (see commit). */
  private maxPageCount: number | undefined;

  /**
   * Writes the rows in one transaction; resolves once it is committed (synchronous = FULL: on disk).
   * `maxPageCount` is the main connection's limit on the file's size (PRAGMA max_page_count, per connection):
   * the worker's connection is held to the same one.
   */
  commit(events: readonly EventInsertRow[], ops: readonly ProjectionOp[], maxPageCount?: number): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      const limit = maxPageCount !== this.maxPageCount ? maxPageCount : undefined;
      this.maxPageCount = maxPageCount;
      this.worker.postMessage({ id, events, ops, maxPageCount: limit });
    });
  }

  /** Closes the worker's connection (after the commits already sent) and ends the thread. */
  async close(): Promise<void> {
    if (this.broken) return;
    this.worker.ref();
    await new Promise<void>((resolve) => {
      this.onClosed = resolve;
      this.worker.postMessage('close');
    });
    await this.worker.terminate();
  }
}
