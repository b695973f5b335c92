// Small helper to typeset a simple A4 document with the bundled Times-compatible font (Liberation Serif).
import PDFDocument from 'pdfkit';
import { fontPath } from '../records/fonts';

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
