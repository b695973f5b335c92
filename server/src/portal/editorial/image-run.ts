// Runs image-worker.ts in a child process for one upload, with a time limit: the server's event loop keeps
// answering tablets while a photo is decoded and resized, and a hostile image cannot hold the server.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ImageJob {
  bytes: Uint8Array;
  type: 'image/jpeg' | 'image/png';
}

/** `timedOut`: the worker was stopped at the time limit (the image may be fine, only too much work). */
export type ImageResult = { ok: true; bytes: Uint8Array; width: number; height: number } | { ok: false; error: string; timedOut?: true };

/** How long one image may take; a camera photo takes seconds, 22 s was seen on a loaded two-core machine. */
export const IMAGE_TIME_LIMIT_MS = 90_000;

export function resizeImageInChild(job: ImageJob, timeLimitMs = IMAGE_TIME_LIMIT_MS): Promise<ImageResult> {
  // From the bundle (dist/main.js, dist/portal-main.js) the worker is dist/image-worker.js; from source (tests,
  // `npm run dev`) it is the .ts file, run through tsx.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSource ? './image-worker.ts' : './image-worker.js', import.meta.url));
  const child = fork(entry, [], {
    execArgv: [...(fromSource ? ['--import', 'tsx'] : []), '--max-old-space-size=768'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return new Promise((resolve) => {
    let answered = false;
    const answer = (result: ImageResult) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      answer({ ok: false, error: 'time limit', timedOut: true });
    }, timeLimitMs);
    child.once('message', (message: ImageResult) => answer(message));
    child.once('error', (error) => answer({ ok: false, error: error.message }));
    child.once('exit', (code) => answer({ ok: false, error: `image worker exited with ${code}` }));
    child.send(job);
  });
}
