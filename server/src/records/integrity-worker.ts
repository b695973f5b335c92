// The integrity check in a process of its own (see integrity-run.ts): a read-only connection to the file, so
// the replay of a whole term's log never holds up the event loop that answers tablets.
import Database from 'better-sqlite3';
import { checkIntegrity } from './integrity';
import type { IntegrityMessage } from './integrity-run';

const file = process.argv[2]!;
let message: IntegrityMessage;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    message = { ok: true, report: checkIntegrity(db) };
  } finally {
    db.close();
  }
} catch (error) {
  message = { ok: false, error: error instanceof Error ? error.message : String(error) };
}
process.send!(message, () => process.exit(0));
