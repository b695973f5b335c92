// Number formatting shared by the server's documents and the three apps, so a percentage reads the same
// on a tablet, on the hall display and in the minutes.

/**
 * count/total as hundredths of a percent, rounded half up with integer maths only
 * (2/3 → 6667, i.e. 66,67%). total 0 gives 0.
 */
export function percentBasisPoints(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((count * 20000 + total) / (2 * total));
}

/**
 * Vietnamese percentage as announced in a hall: "87,10%", "0%", "100%".
 * English uses a decimal point: "87.10%".
 */
export function formatPercent(count: number, total: number, lang: 'vi' | 'en' = 'vi'): string {
  const bp = percentBasisPoints(count, total);
  if (bp === 0) return '0%';
  if (bp === 10000) return '100%';
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100).padStart(2, '0');
  return `${whole}${lang === 'vi' ? ',' : '.'}${frac}%`;
}

/** Integer with Vietnamese thousands separator (1.500) or English (1,500). */
export function formatCount(n: number, lang: 'vi' | 'en' = 'vi'): string {
  const s = String(Math.trunc(Math.abs(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return n < 0 ? `-${grouped}` : grouped;
}

const ORDINALS_VI = [
  '',
  'Nhất',
  'Hai',
  'Ba',
  'Tư',
  'Năm',
  'Sáu',
  'Bảy',
  'Tám',
  'Chín',
  'Mười',
  'Mười một',
  'Mười hai',
  'Mười ba',
  'Mười bốn',
  'Mười lăm',
  'Mười sáu',
  'Mười bảy',
  'Mười tám',
  'Mười chín',
  'Hai mươi',
];

/** "Kỳ họp thứ Tư" uses the word form for small numbers, digits beyond. */
export function sessionOrdinalVi(n: number): string {
  return n >= 1 && n < ORDINALS_VI.length ? ORDINALS_VI[n]! : String(n);
}

const EN_ORDINAL_SUFFIX = (n: number): string => {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  switch (n % 10) {
    case 1:
      return 'st';
    case 2:
      return 'nd';
    case 3:
      return 'rd';
    default:
      return 'th';
  }
};

export function sessionTitle(n: number, lang: 'vi' | 'en' = 'vi'): string {
  return lang === 'vi' ? `Kỳ họp thứ ${sessionOrdinalVi(n)}` : `${n}${EN_ORDINAL_SUFFIX(n)} Session`;
}

/**
 * "ngày 05 tháng 7 năm 2026" from YYYY-MM-DD, the form used in official documents: Nghị định 30/2020/NĐ-CP
 * (Phụ lục I) writes a day below 10 and the months 1 and 2 with a leading zero ("ngày 05 tháng 01 năm 2027").
 */
export function formatDocumentDateVi(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  const month = Number(m);
  return `ngày ${String(Number(d)).padStart(2, '0')} tháng ${month <= 2 ? String(month).padStart(2, '0') : String(month)} năm ${y}`;
}

/** dd/mm/yyyy from YYYY-MM-DD. */
export function formatDateVi(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
