// Records of a round are written with the roster and settings of its time (read from the log), tell an absent
// delegate from a present one who pressed nothing, give a secret round's counting figures, and neutralise CSV
// cells a spreadsheet would run as formulas.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { meets } from '../domain/majority';
import { demoHall, type Hall } from '../domain/test-support';
import { parseRosterCsv } from '../transport/rest-api';
import { countingMinutesLayout } from './counting-minutes';
import { toCsv } from './csv';
import { minutesLayout } from './minutes-layout';
import { emptyNotes } from './minutes-notes';
import { councilFor, resultsCsv, roundExport, sessionExports, termExports, exportHeader } from './results-export';
import { resultsXlsx } from './results-xlsx';
import { logTimes, sessionRecord } from './session-record';

const HEAD = { seq: 1, hash: 'h' };

/** 6 seated; seats 1–4 check in; a named vote: 1–3 for, 4 presses nothing, 5 and 6 absent. A secret election too. */
function closedSession(): { hall: Hall; named: string; election: string; sessionId: string } {
  const hall = demoHall({ delegates: 6, checkedIn: 4 });
  const sessionId = hall.session.id;
  const { roundId: named } = hall.openVote({ mode: 'named' });
  hall.castOptions(named, 1, 3, 'yes');
  hall.do({ type: 'round.close', roundId: named });
  hall.do({ type: 'round.announce', roundId: named });
  const { roundId: election } = hall.openVote({
    kind: 'election',
    mode: 'secret',
    question: 'Bầu Phó Chủ tịch Hội đồng nhân dân đặc khu',
    candidates: [{ name: 'Đại biểu số 1' }, { name: 'Đại biểu số 2' }],
    seats: 1,
    resolution: true,
  });
  const candidates = hall.state.motions[hall.state.rounds[election]!.motionId]!.candidates;
  hall.cast(election, 1, { type: 'election', candidateIds: [candidates[0]!.id] });
  hall.cast(election, 2, { type: 'election', candidateIds: [candidates[0]!.id] });
  hall.cast(election, 3, { type: 'election', candidateIds: [candidates[1]!.id] });
  hall.cast(election, 4, { type: 'election', candidateIds: [] });
  hall.do({ type: 'round.close', roundId: election });
  hall.do({ type: 'round.announce', roundId: election });
  hall.do({ type: 'session.close', sessionId });
  return { hall, named, election, sessionId };
}

/** Every record of the session as text, without the log head (which moves with every later entry). */
function everything(hall: Hall, sessionId: string): string {
  const times = logTimes(hall.log);
  const record = sessionRecord(hall.state, sessionId, HEAD, times)!;
  const rounds = sessionExports(hall.state, sessionId, times);
  return JSON.stringify({
    record,
    layout: minutesLayout(record, emptyNotes()),
    rounds,
    csv: resultsCsv(hall.state, rounds, times),
    term: termExports(hall.state, times),
  });
}

describe('records of a round use the roster of its time', () => {
  it('lists absent delegates as "Vắng mặt" and present ones who pressed nothing as "Không biểu quyết"', () => {
    const { hall, named, election } = closedSession();
    const times = logTimes(hall.log);
    const record = sessionRecord(hall.state, hall.session.id, HEAD, times)!;
    const round = record.otherRounds.find((r) => r.id === named)!;
    expect(round.namedBallots!.map((b) => [b.seat, b.status, b.choice])).toEqual([
      [1, 'voted', 'Tán thành'],
      [2, 'voted', 'Tán thành'],
      [3, 'voted', 'Tán thành'],
      [4, 'not-voted', 'Không biểu quyết'],
      [5, 'absent', 'Vắng mặt'],
      [6, 'absent', 'Vắng mặt'],
    ]);
    const secret = roundExport(hall.state, hall.state.rounds[election]!, times)!;
    expect(secret.participation!.map((p) => [p.seat, p.status])).toEqual([
      [1, 'voted'],
      [2, 'voted'],
      [3, 'voted'],
      [4, 'voted'],
      [5, 'absent'],
      [6, 'absent'],
    ]);
  });

  it('gives the same minutes and exports after roster edits, vacancies, a new delegate and settings changes', () => {
    const { hall, named, sessionId } = closedSession();
    const before = everything(hall, sessionId);
    // The case: a delegate added at a new seat, an absentee's seat vacated; then renames and settings.
    hall.do({ type: 'delegate.add', input: { seat: 7, fullName: 'Đại biểu mới', title: 'Đại biểu HĐND', group: 'Tổ 1' } });
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(6), reason: 'Chuyển công tác' });
    hall.do({ type: 'delegate.update', delegateId: hall.delegate(1), patch: { fullName: 'Tên đã đổi', seat: 11 } });
    hall.do({
      type: 'council.configure',
      patch: {
        name: { vi: 'Hội đồng nhân dân khác', en: 'Another council' },
        term: '2031 - 2036',
        voteLabels: { yes: { vi: 'Đồng ý', en: 'Yes' }, no: { vi: 'Không đồng ý', en: 'No' }, abstain: { vi: 'Phiếu trắng', en: 'Blank' } },
      },
    });
    const after = everything(hall, sessionId);
    expect(after).toBe(before);
    // The old code listed the new delegate and dropped the vacated absentee.
    expect(after).not.toContain('Đại biểu mới');
    expect(after).toContain('Đại biểu số 6');
    expect(after).not.toContain('Tên đã đổi');
    const record = sessionRecord(hall.state, sessionId, HEAD, logTimes(hall.log))!;
    expect(record.otherRounds.find((r) => r.id === named)!.namedBallots).toHaveLength(6);
  });
});

describe('secret ballots report the counting figures', () => {
  it('counts the blank ballot: issued, returned, valid and not valid', () => {
    const { hall, election } = closedSession();
    const times = logTimes(hall.log);
    const r = roundExport(hall.state, hall.state.rounds[election]!, times)!;
    expect(r.counting).toEqual({ issued: 4, returned: 4, valid: 3, invalid: 1 });
    expect(r.result).toMatchObject({ kind: 'election', participated: 4, blank: 1 });
    const csv = resultsCsv(hall.state, [r], times);
    expect(csv).toContain(',Số phiếu phát ra,,,,4,"66,67%"');
    expect(csv).toContain(',Số phiếu không hợp lệ,,,,1,"16,67%"');
    expect(csv).toContain(',Số người cần bầu,,,,1,');
  });

  it('takes the confidence thresholds from the council settings', () => {
    const hall = demoHall({
      delegates: 6,
      checkedIn: 6,
      council: {
        thresholds: {
          ordinary: { numerator: 1, denominator: 2, strict: true },
          twoThirds: { numerator: 2, denominator: 3, strict: false },
          election: { numerator: 1, denominator: 2, strict: true },
          lowConfidence: { numerator: 1, denominator: 3, strict: false },
          lowConfidenceDismissal: { numerator: 1, denominator: 2, strict: false },
        },
      },
    });
    const { roundId } = hall.openVote({
      kind: 'confidence',
      mode: 'secret',
      question: 'Lấy phiếu tín nhiệm',
      candidates: [{ name: 'Ông A' }],
      resolution: false,
    });
    const subject = hall.state.motions[hall.state.rounds[roundId]!.motionId]!.candidates[0]!.id;
    for (const seat of [1, 2, 3]) hall.cast(roundId, seat, { type: 'confidence', ratings: { [subject]: 'low' } });
    for (const seat of [4, 5, 6]) hall.cast(roundId, seat, { type: 'confidence', ratings: { [subject]: 'high' } });
    hall.do({ type: 'round.close', roundId });
    const result = hall.state.rounds[roundId]!.result!;
    // 3 of 6 is at least one third and at least one half (the configured rules), not "more than half".
    expect(result.kind === 'confidence' && result.subjects[0]).toMatchObject({ lowMajority: true, lowTwoThirds: true });
  });
});

describe('a confidence rating keeps the thresholds of its time', () => {
  it('gives the same minutes, counting minutes and exports after the council changes its confidence thresholds', () => {
    // 6 seated, all present: 3 rate Ông A "tín nhiệm thấp" (exactly half), 3 "tín nhiệm cao".
    const hall = demoHall({ delegates: 6, checkedIn: 6 });
    const sessionId = hall.session.id;
    const { roundId } = hall.openVote({
      kind: 'confidence',
      mode: 'secret',
      question: 'Lấy phiếu tín nhiệm',
      candidates: [{ name: 'Ông A' }],
      resolution: false,
    });
    const subject = hall.state.motions[hall.state.rounds[roundId]!.motionId]!.candidates[0]!.id;
    for (const seat of [1, 2, 3]) hall.cast(roundId, seat, { type: 'confidence', ratings: { [subject]: 'low' } });
    for (const seat of [4, 5, 6]) hall.cast(roundId, seat, { type: 'confidence', ratings: { [subject]: 'high' } });
    hall.do({ type: 'round.close', roundId });
    hall.do({ type: 'round.announce', roundId });
    hall.do({ type: 'session.close', sessionId });
    const records = (): string => {
      const times = logTimes(hall.log);
      const record = sessionRecord(hall.state, sessionId, HEAD, times)!;
      const round = [...record.otherRounds, ...record.items.flatMap((i) => i.rounds)].find((r) => r.id === roundId)!;
      return everything(hall, sessionId) + JSON.stringify(countingMinutesLayout(record, round, councilFor(hall.state, sessionId, times)!));
    };
    const before = records();
    // Default rules: 3 of 6 is not more than half, not two thirds.
    expect(hall.state.rounds[roundId]!.result).toMatchObject({ kind: 'confidence', subjects: [{ lowMajority: false, lowTwoThirds: false }] });
    const lowered = {
      ...hall.state.council!.thresholds,
      lowConfidence: { numerator: 1, denominator: 3, strict: false },
      lowConfidenceDismissal: { numerator: 1, denominator: 2, strict: false },
    };
    hall.do({ type: 'council.configure', patch: { thresholds: lowered } });
    expect(records()).toBe(before);
    expect(hall.state.rounds[roundId]!.result).toMatchObject({ subjects: [{ lowMajority: false, lowTwoThirds: false }] });
    // Under today's settings the same 3 of 6 would reach both thresholds: the records above kept those of the round.
    expect(meets(lowered.lowConfidence, 3, 6) && meets(lowered.lowConfidenceDismissal, 3, 6)).toBe(true);
  });
});

describe('CSV cells a spreadsheet would run are neutralised', () => {
  it('prefixes =, +, -, @, tab and CR with an apostrophe; numbers stay numbers', () => {
    const csv = toCsv([['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'Nguyễn Văn A', -3, 4]]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://x"",""y"")",\'+1,\'-2,\'@SUM(A1),\'\tx,"\'\rx",Nguyễn Văn A,-3,4\r\n');
  });

  it('neutralises a delegate name in the results and reads it back unchanged in a roster import', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    hall.do({ type: 'delegate.update', delegateId: hall.delegate(1), patch: { fullName: '=HYPERLINK("http://evil","x")' } });
    const { roundId } = hall.openVote({ mode: 'named' });
    hall.castOptions(roundId, 1, 3, 'yes');
    hall.do({ type: 'round.close', roundId });
    const times = logTimes(hall.log);
    const csv = resultsCsv(hall.state, [roundExport(hall.state, hall.state.rounds[roundId]!, times)!], times);
    expect(csv).toContain(`,1,"'=HYPERLINK(""http://evil"",""x"")",Tán thành,,`);
    expect(csv.split('\r\n').some((line) => line.split(',').some((cell) => /^"?[=+@]/.test(cell)))).toBe(false);
    const roster = toCsv([
      ['seat', 'fullName'],
      [1, '=HYPERLINK("http://evil","x")'],
    ]);
    const parsed = parseRosterCsv(roster);
    expect(parsed.ok && parsed.rows[0]!.fullName).toBe('=HYPERLINK("http://evil","x")');
  });
});

describe('results as XLSX', () => {
  it('writes a summary and one sheet per round, numbers as numbers, shares as percentages, diacritics kept', async () => {
    const { hall, sessionId } = closedSession();
    const times = logTimes(hall.log);
    const data = exportHeader(hall.state, 'session', HEAD, sessionExports(hall.state, sessionId, times));
    const file = await resultsXlsx(data, () => hall.state.council);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', '1. Thông qua Nghị quyết về Kế h', '2. Bầu Phó Chủ tịch Hội đồng nh']);
    const sheet = wb.worksheets[2]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const issued = rows.find((r) => r[1] === 'Số phiếu phát ra')!;
    expect(issued[5]).toBe(4);
    expect(issued[6]).toBeCloseTo(4 / 6);
    expect(sheet.getColumn(6).numFmt).toBe('0.00%');
    const invalid = rows.find((r) => r[1] === 'Số phiếu không hợp lệ')!;
    expect(invalid[5]).toBe(1);
    const named = wb.worksheets[1]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(named.filter((r) => r[4] === 'Vắng mặt').map((r) => r[2])).toEqual([5, 6]);
    expect(named.find((r) => r[2] === 4)![4]).toBe('Không biểu quyết');
  });
});
