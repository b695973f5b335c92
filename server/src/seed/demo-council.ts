// The demo council: a special-zone People's Council with 31 seated delegates (fictional names), and one
// session with its agenda, documents and prepared votes, so `npm start` shows a complete hall at once.

import type { DelegateInput, MotionInput } from '@hddt/protocol';
import type { Actor } from '../domain/types';
import { countPdfPages, storePdf } from '../storage/document-files';
import type { Engine } from '../engine';
import { simplePdf } from './pdf';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_M = ['Văn', 'Minh', 'Đức', 'Quốc', 'Hữu', 'Thanh'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Thanh', 'Bích'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Khang', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Toàn', 'Việt', 'Vinh'];
const GIVEN_F = ['Anh', 'Châu', 'Diệp', 'Giang', 'Hạnh', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Oanh', 'Phương', 'Thảo', 'Trang', 'Uyên', 'Yến'];
const TITLES = [
  'Chủ tịch HĐND đặc khu',
  'Phó Chủ tịch HĐND đặc khu',
  'Trưởng Ban Kinh tế - Ngân sách',
  'Phó Trưởng Ban Kinh tế - Ngân sách',
  'Trưởng Ban Pháp chế',
  'Phó Trưởng Ban Pháp chế',
  'Trưởng Ban Văn hóa - Xã hội',
];
const GROUPS = ['Tổ đại biểu số 1', 'Tổ đại biểu số 2', 'Tổ đại biểu số 3', 'Tổ đại biểu số 4'];

/**
 * The people the demo session names, each a delegate on its roster (fictional): the chair, the secretary, the
 * election's candidates and the officials whose confidence is rated hold these seats.
 */
export const DEMO_PEOPLE: Record<number, { fullName: string; title: string }> = {
  1: { fullName: 'Nguyễn Minh An', title: 'Chủ tịch HĐND đặc khu' },
  4: { fullName: 'Phạm Quốc Bình', title: 'Phó Trưởng Ban Kinh tế - Ngân sách' },
  8: { fullName: 'Trần Thu Hạnh', title: 'Chánh Văn phòng HĐND và UBND đặc khu' },
  11: { fullName: 'Lê Ngọc Lan', title: 'Đại biểu HĐND đặc khu' },
  13: { fullName: 'Hoàng Đức Toàn', title: 'Chủ tịch UBND đặc khu' },
  16: { fullName: 'Võ Minh Khang', title: 'Đại biểu HĐND đặc khu' },
};

/** 31 fictional delegates, deterministic. */
export function demoDelegates(count = 31): DelegateInput[] {
  const out: DelegateInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const female = i % 3 === 1;
    const surname = SURNAMES[(i * 7) % SURNAMES.length]!;
    const middle = (female ? MIDDLE_F : MIDDLE_M)[(i * 5) % 6]!;
    const given = (female ? GIVEN_F : GIVEN_M)[(i * 11) % 16]!;
    const named = DEMO_PEOPLE[i + 1];
    out.push({
      seat: i + 1,
      fullName: named?.fullName ?? `${surname} ${middle} ${given}`,
      title: named?.title ?? TITLES[i] ?? 'Đại biểu HĐND đặc khu',
      group: GROUPS[i % GROUPS.length]!,
    });
  }
  return out;
}

function localDate(timeZone: string, ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** What seeding needs of the running server (the app passes its services). */
export interface SeedContext {
  engine: Engine;
  dataDir: string;
  nowMs: () => number;
}

export async function seedDemo(services: SeedContext): Promise<{ sessionId: string }> {
  const { engine } = services;
  const actor: Actor = { kind: 'system' };
  const must = async (command: Parameters<typeof engine.execute>[0]) => {
    const r = await engine.execute(command, actor);
    if (!r.ok) throw new Error(`Demo seed failed at ${command.type}: ${r.code}`);
    return r;
  };

  await must({
    type: 'council.configure',
    patch: {
      name: { vi: 'Hội đồng nhân dân đặc khu Côn Đảo', en: 'Côn Đảo Special Zone People’s Council' },
      issuingBody: ['HỘI ĐỒNG NHÂN DÂN', 'ĐẶC KHU CÔN ĐẢO'],
      level: 'special-zone',
      term: '2026 - 2031',
      termOrdinal: 'I',
      place: 'Côn Đảo',
      hallWifi: 'HDND-HoiTruong',
      // Côn Đảo belongs to Thành phố Hồ Chí Minh since 01/7/2025.
      minutesRecipients: [
        'Thường trực HĐND Thành phố Hồ Chí Minh',
        'Thường trực Đảng ủy đặc khu',
        'Thường trực HĐND đặc khu',
        'UBND đặc khu',
        'Ủy ban MTTQ Việt Nam đặc khu',
        'Đại biểu HĐND đặc khu',
        'Lưu: VT, hồ sơ kỳ họp',
      ],
    },
  });
  await must({ type: 'delegate.import', inputs: demoDelegates() });
  // No cards yet: a card's link exists only when it is issued (the server keeps a hash), so the secretariat
  // issues them when it prints the QR sheet.

  const today = localDate('Asia/Ho_Chi_Minh', services.nowMs());
  const created = await must({
    type: 'session.create',
    input: {
      number: 5,
      title: 'Kỳ họp thường lệ cuối năm 2026 (dữ liệu minh họa)',
      type: 'regular',
      startDate: today,
      endDate: today,
      place: 'Hội trường Trung tâm Hành chính đặc khu Côn Đảo',
      isPublic: true,
      chairName: DEMO_PEOPLE[1]!.fullName,
      chairTitle: DEMO_PEOPLE[1]!.title,
      secretaryName: DEMO_PEOPLE[8]!.fullName,
      secretaryTitle: DEMO_PEOPLE[8]!.title,
      guests: [
        { name: 'Đỗ Văn Khải', title: 'Phó Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh' },
        { name: 'Lương Thị Mỹ', title: 'Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu' },
        { name: 'Trịnh Quang Huy', title: 'Giám đốc Trung tâm Y tế đặc khu' },
      ],
      // Elected by the session before its secret ballots; members of the council, not candidates.
      countingBoard: [
        { name: 'Vũ Bích Phương', title: 'Trưởng ban' },
        { name: 'Hồ Thu Thảo', title: 'Thành viên' },
        { name: 'Bùi Văn Cường', title: 'Thành viên' },
      ],
    },
  });
  const sessionId = created.decision.result!.sessionId!;

  const items: { title: string; presenter: string }[] = [
    { title: 'Khai mạc kỳ họp; biểu quyết thử', presenter: 'Chủ tọa kỳ họp' },
    { title: 'Tờ trình về Kế hoạch đầu tư công năm 2027', presenter: 'Ủy ban nhân dân đặc khu' },
    { title: 'Tờ trình về dự toán ngân sách địa phương năm 2027', presenter: 'Ủy ban nhân dân đặc khu' },
    { title: 'Bầu chức danh Phó Chủ tịch Hội đồng nhân dân', presenter: 'Thường trực HĐND' },
    { title: 'Lấy phiếu tín nhiệm', presenter: 'Thường trực HĐND' },
    { title: 'Bế mạc kỳ họp', presenter: 'Chủ tọa kỳ họp' },
  ];
  const itemIds: string[] = [];
  for (const item of items) {
    const r = await must({ type: 'agenda.add', sessionId, title: item.title, presenter: item.presenter });
    itemIds.push(r.decision.result!.itemId!);
  }

  const documents: { item: number; title: string; docType: 'to-trinh' | 'du-thao-nghi-quyet' | 'bao-cao-tham-tra'; confidential: boolean; body: string[] }[] = [
    {
      item: 1,
      title: 'Tờ trình về Kế hoạch đầu tư công năm 2027',
      docType: 'to-trinh',
      confidential: false,
      body: [
        'Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ Luật Đầu tư công; Ủy ban nhân dân đặc khu trình Hội đồng nhân dân đặc khu xem xét, thông qua Kế hoạch đầu tư công năm 2027 (tài liệu minh họa).',
        'Tổng vốn đầu tư công dự kiến năm 2027 tập trung cho hạ tầng giao thông, cấp nước, trường học và y tế cơ sở.',
      ],
    },
    {
      item: 1,
      title: 'Dự thảo Nghị quyết về Kế hoạch đầu tư công năm 2027',
      docType: 'du-thao-nghi-quyet',
      confidential: false,
      body: [
        'Điều 1. Thông qua Kế hoạch đầu tư công năm 2027 của đặc khu Côn Đảo (tài liệu minh họa).',
        'Điều 2. Giao Ủy ban nhân dân đặc khu tổ chức thực hiện Nghị quyết.',
      ],
    },
    {
      item: 2,
      title: 'Tờ trình về dự toán ngân sách địa phương năm 2027',
      docType: 'to-trinh',
      confidential: false,
      body: ['Ủy ban nhân dân đặc khu trình dự toán thu, chi ngân sách địa phương năm 2027 (tài liệu minh họa).'],
    },
    {
      item: 2,
      title: 'Báo cáo thẩm tra của Ban Kinh tế - Ngân sách',
      docType: 'bao-cao-tham-tra',
      confidential: true,
      body: ['Tài liệu mật: chỉ xem tại hội trường (tài liệu minh họa).'],
    },
  ];
  for (const d of documents) {
    const pdf = await simplePdf(d.title, d.body);
    const sha256 = storePdf(services.dataDir, pdf);
    await must({
      type: 'document.add',
      sessionId,
      itemId: itemIds[d.item]!,
      title: d.title,
      docType: d.docType,
      confidential: d.confidential,
      published: !d.confidential,
      file: { fileName: `${d.title}.pdf`, mimeType: 'application/pdf', size: pdf.length, sha256, pages: countPdfPages(pdf) },
    });
  }

  const base: Omit<MotionInput, 'question' | 'itemId'> = {
    kind: 'ordinary',
    mode: 'named',
    interim: 'progress',
    durationSec: null,
    candidates: [],
    seats: 1,
    practice: false,
    resolution: false,
    normative: false,
  };
  const motions: MotionInput[] = [
    { ...base, itemId: itemIds[0]!, question: 'Biểu quyết thử: đại biểu bấm nút để làm quen với hệ thống', practice: true, interim: 'live', durationSec: 60 },
    {
      ...base,
      itemId: itemIds[1]!,
      question: 'Thông qua Nghị quyết về Kế hoạch đầu tư công năm 2027',
      resolutionTitle: 'Nghị quyết về Kế hoạch đầu tư công năm 2027',
      resolution: true,
    },
    {
      ...base,
      itemId: itemIds[2]!,
      question: 'Thông qua Nghị quyết về dự toán ngân sách địa phương năm 2027',
      resolutionTitle: 'Nghị quyết về dự toán ngân sách địa phương năm 2027',
      mode: 'anonymous',
      resolution: true,
      normative: true,
    },
    {
      ...base,
      itemId: itemIds[3]!,
      question: 'Bầu Phó Chủ tịch Hội đồng nhân dân đặc khu',
      kind: 'election',
      mode: 'secret',
      candidates: [DEMO_PEOPLE[4]!, DEMO_PEOPLE[11]!, DEMO_PEOPLE[16]!].map((p) => ({ name: p.fullName })),
      seats: 1,
      resolution: true,
      resolutionTitle: 'Nghị quyết xác nhận kết quả bầu Phó Chủ tịch Hội đồng nhân dân đặc khu Côn Đảo khóa I, nhiệm kỳ 2026 - 2031',
    },
    {
      ...base,
      itemId: itemIds[4]!,
      question: 'Lấy phiếu tín nhiệm đối với người giữ chức vụ do HĐND bầu',
      kind: 'confidence',
      mode: 'secret',
      candidates: [DEMO_PEOPLE[1]!, DEMO_PEOPLE[13]!].map((p) => ({ name: p.fullName })),
    },
  ];
  for (const input of motions) await must({ type: 'motion.prepare', sessionId, input });
  await must({ type: 'session.select', sessionId });
  return { sessionId };
}
