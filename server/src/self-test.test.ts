import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfTest } from './self-test';

describe('start-up self-test', () => {
  it('holds its votes over real sockets and leaves nothing behind', async () => {
    const tmpRoot = mkdtempSync(path.join(tmpdir(), 'hddt-self-test-root-'));
    try {
      const report = await selfTest({ delegates: 12, rounds: 3, tmpRoot });
      expect(report).toMatchObject({ delegates: 12, rounds: 3, ballots: 36 });
      expect(report.totalMs).toBeGreaterThan(0);
      expect(report.lastRoundMaxAckMs).toBeGreaterThan(0);
      expect(readdirSync(tmpRoot)).toEqual([]);
    } finally {
      rmSync(tmpRoot, { recursive: true, force: true });
    }
  });

  it('rejects with the reason when it cannot run (main.ts then logs it and starts the server anyway)', async () => {
    const missing = path.join(tmpdir(), `hddt-no-such-dir-${process.pid}`, 'nested');
    await expect(selfTest({ delegates: 3, rounds: 1, tmpRoot: missing })).rejects.toThrow(/ENOENT/);
  });
});
