import { describe, expect, it } from 'vitest';
import { ballotChangeAllowed } from './ballot-rules';

describe('ballotChangeAllowed', () => {
  it('never lets a secret ballot be changed, whatever the council allows', () => {
    expect(ballotChangeAllowed({ mode: 'secret', councilAllowsChange: true })).toBe(false);
    expect(ballotChangeAllowed({ mode: 'secret', councilAllowsChange: false })).toBe(false);
  });
  it('follows the council for named and anonymous rounds', () => {
    for (const mode of ['named', 'anonymous'] as const) {
      expect(ballotChangeAllowed({ mode, councilAllowsChange: true })).toBe(true);
      expect(ballotChangeAllowed({ mode, councilAllowsChange: false })).toBe(false);
    }
  });
});
