// Small helper to typeset a simple A4 document with the bundled Times-compatible font (Liberation Serif).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

export function fontPath(name: 'Regular' | 'Bold' | 'Italic' | 'BoldItalic'): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/seed → ../../assets, and dist/ → ../assets after bundling.
  for (const candidate of [path.resolve(here, '../../assets/fonts'), path.resolve(here, '../assets/fonts')]) {
    const file = path.join(candidate, `LiberationSerif-${name}.ttf`);
    if (existsSync(file)) return file;
  }
  return path.resolve(here, '../../assets/fonts', `LiberationSerif-${name}.ttf`);
}

export function simplePdf(title: string, paragraphs: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('serif', fontPath('Regular'));
    doc.registerFont('serif-bold', fontPath('Bold'));
    doc.font('serif-bold').fontSize(14).text(title.toUpperCase(), { align: 'center' });
    doc.moveDown();
    doc.font('serif').fontSize(13);
    for (const p of paragraphs) {
      doc.text(p, { align: 'justify', indent: 28, paragraphGap: 6 });
    }
    doc.end();
  });
}
