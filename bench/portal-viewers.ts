// Public viewers of the portal's live page (/truc-tiep) for `npm run bench -- --portal`, in a process of their own
// so that thousands of sockets do not share the benchmark's event loop. Each viewer is a real Socket.IO client,
// connected as live.js connects (websocket, its last seq in the handshake, reconnecting by itself).
//   tsx bench/portal-viewers.ts <node url> <count> [<viewers opened per second>]
// Opens them in batches of 100 (each batch once the previous one has its snapshots), no faster than the given
// pace when one is given (0 or none: as fast as the node answers).
// Prints READY when every viewer has its first snapshot. Then reads commands on stdin, one a line:
//   WATCH <roundId>   answer WATCHING <roundId> at once; note when each viewer first shows that round among the
//                     announced results; print one JSON line { roundId, seenAt: [epoch ms, …], viewers, bytes }
//                     when all have, or after 60 s
//   STATS             print { connected, disconnects, reconnects }
//   QUIT
import { createInterface } from 'node:readline';
import { io as connect, type Socket } from 'socket.io-client';

interface LiveUpdate {
  seq: number;
  html: { vi: string; en: string };
}

const [url, countArg, paceArg] = process.argv.slice(2);
const count = Number(countArg);
const pace = Number(paceArg ?? 0);
const BATCH = 100;

interface Viewer {
  socket: Socket;
  seq: number;
  html: string;
}

const viewers: Viewer[] = [];
let disconnects = 0;
let reconnects = 0;
let lastBytes = 0;
let watch: { marker: string; roundId: string; seenAt: number[]; seen: Set<number>; done: () => void } | null = null;

function open(index: number): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const viewer: Viewer = { socket: null as unknown as Socket, seq: 0, html: '' };
    const socket = connect(`${url}/truc-tiep`, {
      transports: ['websocket'],
      // As live.js: the handshake carries the last seq shown, read again on every reconnection.
      auth: (cb) => cb({ seq: viewer.seq, lang: 'vi' }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      timeout: 60_000,
    });
    viewer.socket = socket;
    let first = true;
    const timer = setTimeout(() => reject(new Error(`viewer ${index}: no snapshot within 60 s`)), 60_000);
    socket.on('live:update', (update: LiveUpdate) => {
      updates += 1;
      if (update.seq < viewer.seq) return;
      viewer.seq = update.seq;
      viewer.html = update.html.vi;
      if (first) {
        first = false;
        clearTimeout(timer);
        resolve(viewer);
      } else lastBytes = Buffer.byteLength(JSON.stringify(update));
      if (watch && !watch.seen.has(index) && viewer.html.includes(watch.marker)) {
        watch.seen.add(index);
        watch.seenAt.push(Date.now());
        if (watch.seen.size === viewers.length) watch.done();
      }
    });
    socket.on('disconnect', (reason: string) => {
      disconnects += 1;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    });
    socket.io.on('reconnect', () => (reconnects += 1));
  });
}

let updates = 0;
const reasons = new Map<string, number>();
// Progress on stderr every 15 s (the benchmark shows it): connections, drops, updates received.
setInterval(() => {
  const connected = viewers.filter((v) => v.socket.connected).length;
  process.stderr.write(
    `${url}: ${viewers.length}/${count} opened, ${connected} connected, ${disconnects} disconnects (${[...reasons].map(([r, n]) => `${r}: ${n}`).join(', ')}), ${reconnects} reconnects, ${updates} updates\n`,
  );
}, 15_000).unref();

const openStart = Date.now();
for (let i = 0; i < count; i += BATCH) {
  if (pace > 0) {
    const due = openStart + (i / pace) * 1000;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  }
  viewers.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, (_, k) => open(i + k)))));
}
process.stdout.write('READY\n');

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const [command, arg] = line.trim().split(/\s+/);
  if (command === 'WATCH' && arg) {
    const roundId = arg;
    const result = await new Promise<{ seenAt: number[] }>((resolve) => {
      const w = { marker: `<li data-round-id="${roundId}">`, roundId, seenAt: [] as number[], seen: new Set<number>(), done: () => resolve(w) };
      watch = w;
      const timer = setTimeout(() => resolve(w), 60_000);
      w.done = () => {
        clearTimeout(timer);
        resolve(w);
      };
      process.stdout.write(`WATCHING ${roundId}\n`);
    });
    watch = null;
    process.stdout.write(`${JSON.stringify({ roundId, seenAt: result.seenAt, viewers: viewers.length, bytes: lastBytes })}\n`);
  } else if (command === 'STATS') {
    process.stdout.write(`${JSON.stringify({ connected: viewers.filter((v) => v.socket.connected).length, disconnects, reconnects })}\n`);
  } else if (command === 'QUIT') break;
}
for (const v of viewers) v.socket.disconnect();
process.exit(0);
