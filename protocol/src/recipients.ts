// "Nơi nhận" (recipients) of the minutes, Nghị định 30/2020/NĐ-CP (Phụ lục I; Mẫu 1.9): the heading "Nơi nhận:"
// at the bottom left, then one recipient a line, each "- …;", the last the file copy "- Lưu: VT, …." A council
// keeps its list in its settings (CouncilConfig.minutesRecipients) and a session may set its own.

/** The list a council starts with (it names no level, so it is right for a province, a commune or a special zone). */
export const DEFAULT_MINUTES_RECIPIENTS: readonly string[] = [
  'Thường trực Hội đồng nhân dân',
  'Ủy ban nhân dân',
  'Ủy ban Mặt trận Tổ quốc Việt Nam',
  'Các đại biểu Hội đồng nhân dân',
  'Lưu: VT, hồ sơ kỳ họp',
];

/** A line as typed, without the dash and the closing ";" or "." the documents print. */
export function bareRecipient(line: string): string {
  return line
    .trim()
    .replace(/^[-–—+•]\s*/u, '')
    .replace(/[;.]+\s*$/u, '')
    .trim();
}

/** "Lưu: VT, …" (also "Lưu VT"), the file copy that ends every list. */
export function isFileCopyLine(line: string): boolean {
  return /^lưu\b/iu.test(bareRecipient(line).normalize('NFC'));
}

/**
 * The lines as printed: "- Thường trực HĐND;" … "- Lưu: VT, hồ sơ kỳ họp." The session's own list when it has one,
 * otherwise the council's, otherwise the default.
 */
export function recipientLines(...lists: (readonly string[] | undefined)[]): string[] {
  const list = lists.find((l) => l && l.some((x) => bareRecipient(x) !== '')) ?? DEFAULT_MINUTES_RECIPIENTS;
  const bare = list.map(bareRecipient).filter((l) => l !== '');
  return bare.map((l, i) => `- ${l}${i === bare.length - 1 ? '.' : ';'}`);
}
