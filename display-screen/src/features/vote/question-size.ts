/**
 * Long questions get a smaller type size rather than being cut: a resolution title read by the hall must be
 * whole. The line clamp in the stylesheet stays only as a last resort for extreme lengths.
 */
export function questionSizeClass(question: string): string {
  const n = question.length;
  if (n > 260) return 'q-very-long';
  if (n > 150) return 'q-long';
  return '';
}
