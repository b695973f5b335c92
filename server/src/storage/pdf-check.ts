// Uploaded documents are checked by parsing them with pdf.js (pdfjs-dist, the parser the delegate app already
// uses to show them), not by their first five bytes: anything with a "%PDF-" header used to be stored and served
// to every tablet as a PDF. The page count comes from the parsed document too.

import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfCheck = { ok: true; pages: number } | { ok: false; reason: 'invalid' | 'encrypted' | 'timeout' };

const PARSE_TIMEOUT_MS = 20_000;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

export async function checkPdf(body: Buffer): Promise<PdfCheck> {
  // Loaded on first upload only: it costs about 2 s here, which start-up (and a restart) should not pay.
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  // getDocument takes ownership of the bytes it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(body), disableFontFace: true, stopAtErrors: true, verbosity: 0 });
  let timer: NodeJS.Timeout | undefined;
  try {
    const parsed = task.promise.then(async (doc) => {
      if (doc.numPages < 1) return { ok: false as const, reason: 'invalid' as const };
      await doc.getPage(1);
      return { ok: true as const, pages: doc.numPages };
    });
    const timeout = new Promise<PdfCheck>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), PARSE_TIMEOUT_MS);
    });
    return await Promise.race([parsed, timeout]);
  } catch (error) {
    return { ok: false, reason: (error as { name?: string }).name === 'PasswordException' ? 'encrypted' : 'invalid' };
  } finally {
    clearTimeout(timer);
    void task.destroy();
  }
}
