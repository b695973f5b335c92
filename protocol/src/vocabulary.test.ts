import { describe, expect, it } from 'vitest';
import { formatHallDateTime } from './hall-time';
import { BALLOT_MODE_LABEL, participationPhrase } from './vocabulary';

describe('vocabulary', () => {
  it('names ballot modes one way', () => {
    expect(BALLOT_MODE_LABEL.named.vi).toBe('Biểu quyết công khai, ghi danh');
    expect(BALLOT_MODE_LABEL.anonymous.vi).toBe('Biểu quyết không ghi danh');
    expect(BALLOT_MODE_LABEL.secret.vi).toBe('Bỏ phiếu kín');
  });
  it('says "tham gia biểu quyết" for votes and "tham gia bỏ phiếu" for elections and confidence ratings', () => {
    expect(participationPhrase('options', 'vi')).toBe('tham gia biểu quyết');
    expect(participationPhrase('election', 'vi')).toBe('tham gia bỏ phiếu');
    expect(participationPhrase('confidence', 'vi')).toBe('tham gia bỏ phiếu');
  });
  it('writes a moment in the council time zone as "14:06 01/12/2026"', () => {
    expect(formatHallDateTime('2026-12-01T07:06:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('14:06 01/12/2026');
    expect(formatHallDateTime('2026-07-04T17:00:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('00:00 05/07/2026');
  });
});
