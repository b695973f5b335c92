// The fonts of the council's printed records: Liberation Serif, metric-compatible with Times New Roman (the
// administrative documents' typeface), bundled in server/assets/fonts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function fontPath(name: 'Regular' | 'Bold' | 'Italic' | 'BoldItalic'): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/records → ../../assets, and dist/ → ../assets after bundling.
  for (const candidate of [path.resolve(here, '../../assets/fonts'), path.resolve(here, '../assets/fonts')]) {
    const file = path.join(candidate, `LiberationSerif-${name}.ttf`);
    if (existsSync(file)) return file;
  }
  return path.resolve(here, '../../assets/fonts', `LiberationSerif-${name}.ttf`);
}
