// Runs checkIntegrity on the database file in a child process. Replaying the log of a council's term takes
// seconds (about 1 s per 20,000 events here); on the server's event loop that would stall every tablet, even in
// the middle of a vote. The child reads a consistent snapshot (WAL) while the server keeps committing.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { IntegrityReport } from './integrity';

export type IntegrityMessage = { ok: true; report: IntegrityReport } | { ok: false; error: string };

export function checkIntegrityInChild(file: string): Promise<IntegrityReport> {
  // From the bundle (dist/main.js) the worker is dist/integrity-worker.js; from source (tests, `npm run dev`)
  // it is the .ts file, run through tsx.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSource ? './integrity-worker.ts' : './integrity-worker.js', import.meta.url));
  const child = fork(entry, [file], { execArgv: fromSource ? ['--import', 'tsx'] : [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let answered = false;
    child.once('message', (message: IntegrityMessage) => {
      answered = true;
      if (message.ok) resolve(message.report);
      else reject(new Error(message.error));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`integrity check exited with ${code}`));
    });
  });
}
