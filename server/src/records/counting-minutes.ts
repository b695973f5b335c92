// The counting minutes (Biên bản kiểm phiếu) of a secret round: who counted (the session's Ban kiểm phiếu),
// when and where, the counting figures (ballots issued, returned, valid, not valid), the votes of each
// candidate or each level of confidence of each person with their share of ALL delegates, and the outcome. It
// is built from the round's sealed result (the round.closed event, kept in the state), never from a running
// table, and signed by the board's members.

import { CONFIDENCE_LEVELS, countingFigures, formatPercent } from '@hddt/protocol';
import type { CouncilConfig } from '@hddt/protocol';
import { dayIn } from '../engine';
import { confidenceVerdict } from './results-export';
import {
  endBody,
  logLine,
  officialHeader,
  sessionSummaryLine,
  sessionSummaryLines,
  timeAndDay,
  withTitle,
  type Block,
  type MinutesLayout,
  type Signer,
} from './minutes-layout';
import { clockTimeVi, lowerFirst, type RoundRecord, type SessionRecord } from './session-record';

const BOARD_HEAD = 'TRƯỞNG BAN KIỂM PHIẾU';
export const COUNTING_RECIPIENTS = ['- Chủ tọa kỳ họp;', '- Lưu: VT, hồ sơ kỳ họp.'];
const BOARD_MEMBER = 'THÀNH VIÊN';

/** The board's signatures: the head on the right of the first row, the members around them. */
export function boardSigners(board: { name: string; title: string }[]): Signer[] {
  if (board.length === 0)
    return [
      { role: [BOARD_MEMBER], name: '' },
      { role: [BOARD_HEAD], name: '' },
    ];
  const [head, ...members] = board;
  const headSigner: Signer = { role: ['TM. BAN KIỂM PHIẾU', 'TRƯỞNG BAN'], name: head!.name };
  const memberSigners = members.map((m) => ({ role: [BOARD_MEMBER], name: m.name }));
  return memberSigners.length === 0 ? [headSigner] : [memberSigners[0]!, headSigner, ...memberSigners.slice(1)];
}

export function countingMinutesLayout(record: SessionRecord, round: RoundRecord, council: CouncilConfig): MinutesLayout {
  const result = round.result!;
  const n = result.seated;
  const pct = (c: number) => formatPercent(c, n, 'vi');
  const tz = record.council.timeZone;
  const s = record.session;
  const closedAt = round.closedAt ?? round.openedAt;
  const board = s.countingBoard ?? [];
  const f = countingFigures(result);
  const blocks: Block[] = [];

  blocks.push({
    t: 'para',
    text: `Hồi ${timeAndDay(closedAt, tz)}, tại ${s.place}, ${sessionSummaryLine(record)}, Ban kiểm phiếu đã kiểm phiếu ${lowerFirst(round.question)}${round.repeated ? ` (bỏ phiếu lại, lần ${round.number})` : ''}.`,
  });
  if (board.length > 0) {
    blocks.push({ t: 'para', text: 'Ban kiểm phiếu gồm:' });
    board.forEach((m, i) => blocks.push({ t: 'para', text: `${i + 1}. ${withTitle(m.name, m.title)}${i === board.length - 1 ? '.' : ';'}` }));
  } else {
    blocks.push({ t: 'para', text: 'Ban kiểm phiếu gồm: (Văn phòng ghi họ tên các thành viên do kỳ họp bầu).' });
  }
  blocks.push({
    t: 'para',
    text: `Hình thức: bỏ phiếu kín trên thiết bị biểu quyết điện tử, từ ${clockTimeVi(round.openedAt, tz)} đến ${clockTimeVi(closedAt, tz)}; hệ thống không lưu liên kết giữa đại biểu và lựa chọn.`,
  });

  blocks.push({ t: 'section', text: 'I. SỐ PHIẾU' });
  blocks.push({ t: 'para', text: `Tổng số đại biểu Hội đồng nhân dân: ${n}.` });
  blocks.push({ t: 'para', text: `Số đại biểu có mặt: ${result.present} (${pct(result.present)}).` });
  blocks.push({ t: 'para', text: `Số phiếu phát ra: ${f.issued}.` });
  blocks.push({ t: 'para', text: `Số phiếu thu vào: ${f.returned} (${pct(f.returned)}).` });
  blocks.push({ t: 'para', text: `Số phiếu hợp lệ: ${f.valid} (${pct(f.valid)}).` });
  blocks.push({
    t: 'para',
    text: `Số phiếu không hợp lệ: ${f.invalid} (${pct(f.invalid)})${result.kind === 'election' ? ' (phiếu không chọn người nào)' : ''}.`,
  });

  if (result.kind === 'election') {
    blocks.push({ t: 'section', text: 'II. KẾT QUẢ BẦU' });
    blocks.push({ t: 'para', text: `Số người cần bầu: ${result.seats}.` });
    blocks.push({ t: 'para', text: `Số phiếu cần để trúng cử (quá nửa tổng số đại biểu): ${result.required}/${n}.` });
    blocks.push({
      t: 'table',
      columns: [
        { title: 'STT', width: 0.08, align: 'center' },
        { title: 'Họ và tên', width: 0.38 },
        { title: 'Số phiếu bầu', width: 0.16, align: 'center' },
        { title: 'Tỷ lệ so với tổng số đại biểu', width: 0.18, align: 'center' },
        { title: 'Kết quả', width: 0.2, align: 'center' },
      ],
      rows: result.candidates.map((c, i) => [
        String(i + 1),
        c.name,
        String(c.votes),
        pct(c.votes),
        c.elected ? 'Trúng cử' : c.tied ? 'Bằng phiếu' : 'Không trúng cử',
      ]),
    });
    const elected = result.candidates.filter((c) => c.elected);
    blocks.push({
      t: 'para',
      text:
        elected.length > 0
          ? `Căn cứ kết quả kiểm phiếu, ${elected.length === 1 ? 'người' : 'những người'} trúng cử: ${elected.map((c) => `${c.name} (${c.votes}/${n} phiếu, ${pct(c.votes)})`).join('; ')}.`
          : 'Căn cứ kết quả kiểm phiếu, không có người trúng cử.',
    });
    if (result.tieNeedsRevote) blocks.push({ t: 'para', text: 'Có người bằng phiếu ở vị trí cuối cùng: Hội đồng nhân dân bỏ phiếu lại.' });
  } else if (result.kind === 'confidence') {
    blocks.push({ t: 'section', text: 'II. KẾT QUẢ LẤY PHIẾU TÍN NHIỆM' });
    blocks.push({
      t: 'table',
      columns: [
        { title: 'STT', width: 0.07, align: 'center' },
        { title: 'Họ và tên', width: 0.33 },
        ...CONFIDENCE_LEVELS.map((l) => ({ title: council.confidenceLabels[l].vi, width: 0.2, align: 'center' as const })),
      ],
      rows: result.subjects.map((sub, i) => [String(i + 1), sub.name, ...CONFIDENCE_LEVELS.map((l) => `${sub.counts[l]} (${pct(sub.counts[l])})`)]),
    });
    for (const sub of result.subjects) {
      blocks.push({ t: 'para', text: `${sub.name}: ${lowerFirst(confidenceVerdict(sub))} (${sub.counts.low}/${n}, ${pct(sub.counts.low)}).` });
    }
  }
  blocks.push(logLine(record, 'Biên bản kiểm phiếu'));
  endBody(blocks);

  return {
    header: { ...officialHeader(record, '', dayIn(tz, Date.parse(closedAt))), issuingBody: [...record.council.issuingBody, 'BAN KIỂM PHIẾU'], numberLine: '' },
    title: 'BIÊN BẢN KIỂM PHIẾU',
    subtitle: [round.question, ...sessionSummaryLines(record)],
    blocks,
    signatures: boardSigners(board),
    // The counting minutes go to the chair, who announces them to the session, and to the session's file.
    recipients: COUNTING_RECIPIENTS,
  };
}
