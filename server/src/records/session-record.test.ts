import { describe, expect, it } from 'vitest';
import { demoHall } from '../domain/test-support';
import { logTimes, sessionRecord } from './session-record';

describe('attendance in the minutes', () => {
  it('counts each day against the delegates who held a seat that day, not those who hold one now', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const sessionId = hall.session.id;
    // The next day a seat falls vacant before the roll call, and three of the four left check in.
    hall.ctx.advance(86_400);
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(5), reason: 'Chuyển công tác' });
    hall.checkIn([1, 2, 3]);
    // Later still, another seat falls vacant: neither day changes.
    hall.ctx.advance(3_600);
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(4), reason: 'Thôi làm nhiệm vụ' });

    const record = sessionRecord(hall.state, sessionId, { seq: hall.log.length, hash: 'h' }, logTimes(hall.log))!;
    expect(record.attendance.map((d) => [d.day, d.seated, d.present, d.absent.length])).toEqual([
      ['2026-07-05', 5, 5, 0],
      ['2026-07-06', 4, 3, 1],
    ]);
    expect(record.attendance[0]!.text).toContain('có mặt 5/5 đại biểu');
    expect(record.attendance[1]!.text).toContain('có mặt 3/4 đại biểu');
    expect(record.attendance[1]!.absent.map((p) => p.seat)).toEqual([4]);
  });

  it('falls back to the current roster for a day the log has no attendance record of', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 2 });
    const times = { ...logTimes(hall.log), seatedOnDay: {} };
    const record = sessionRecord(hall.state, hall.session.id, { seq: hall.log.length, hash: 'h' }, times)!;
    expect(record.attendance.map((d) => [d.seated, d.present])).toEqual([[3, 2]]);
  });
});
