// Read-only viewers for the load benchmark, in their own process so that thousands of screens do not share
// the voting generator's event loop. Prints READY when every screen is connected, then one JSON line with the
// wall-clock times (Date.now) at which each screen first saw every ballot counted.
//   tsx bench/viewers.ts <server url> <file of display tokens (JSON array), 4 screens each> <count> <expected ballots>
import { readFileSync } from 'node:fs';
import type { PatchEnvelope } from '@hddt/protocol';
import { displaySocket, type DisplaySocket } from '../server/src/testing/harness';

const [url, tokenFile, countArg, expectedArg] = process.argv.slice(2);
const tokens = JSON.parse(readFileSync(tokenFile!, 'utf8')) as string[];
const count = Number(countArg);
const expected = Number(expectedArg);
const screens: DisplaySocket[] = [];
// Screens connect in small batches: each receives the hall's snapshot on connecting (at 3,000 seats a large
// one), and 200 at once from this one process made the last of a batch miss the 10 s connect timeout while the
// server was still serving the earlier ones. A hall's screens are switched on over minutes, not all at once.
const BATCH = 50;
for (let i = 0; i < count; i += BATCH) {
  const batch = await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, (_, k) => displaySocket({ url: url! }, tokens[Math.floor((i + k) / 4)]!)));
  screens.push(...batch);
}
const seenAt: number[] = [];
const done = new Promise<void>((resolve) => {
  for (const screen of screens) {
    let seen = false;
    screen.on('state:patch', (envelope: PatchEnvelope) => {
      if (seen || envelope.patch.type !== 'round' || envelope.patch.round.voted < expected) return;
      seen = true;
      seenAt.push(Date.now());
      if (seenAt.length === screens.length) resolve();
    });
  }
});
process.stdout.write('READY\n');
await Promise.race([done, new Promise((r) => setTimeout(r, 120_000))]);
process.stdout.write(`${JSON.stringify({ seen: seenAt.length, screens: screens.length, lastSeenAt: Math.max(...seenAt) })}\n`);
for (const s of screens) s.disconnect();
process.exit(0);
