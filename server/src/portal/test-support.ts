// Test helpers for the portal and mail tests: drive the demo session through the engine to an adopted,
// announced resolution (28 present of 31: 27 yes, 1 abstain), and add documents.

import type { DocumentType } from '@hddt/protocol';
import type { Command } from '../domain/types';
import type { Engine } from '../engine';
import { simplePdf } from '../seed/pdf';
import { countPdfPages, storePdf } from '../storage/document-files';

const system = { kind: 'system' } as const;

export async function must(engine: Engine, command: Command) {
  const r = await engine.execute(command, system);
  if (!r.ok) throw new Error(`${command.type}: ${r.code}`);
  return r;
}

/** Opens the demo session, marks 28 delegates present and adopts the first resolution motion. */
export async function adoptDemoResolution(engine: Engine): Promise<{ sessionId: string; resolutionId: string }> {
  const sessionId = engine.state.activeSessionId!;
  await must(engine, { type: 'session.open', sessionId });
  const delegates = Object.values(engine.state.delegates).sort((a, b) => a.seat - b.seat);
  for (const d of delegates.slice(0, 28)) await must(engine, { type: 'attendance.set', delegateId: d.id, status: 'present', reason: null });
  const motion = Object.values(engine.state.motions).find((m) => m.sessionId === sessionId && m.resolution && m.kind === 'ordinary' && m.mode === 'named')!;
  const opened = await must(engine, { type: 'motion.open', motionId: motion.id, commandId: 'open-1' });
  const roundId = opened.decision.result!.roundId!;
  for (const [i, d] of delegates.slice(0, 28).entries()) {
    await must(engine, { type: 'ballot.cast', roundId, delegateId: d.id, choice: { type: 'option', option: i === 0 ? 'abstain' : 'yes' } });
  }
  await must(engine, { type: 'round.close', roundId });
  const announced = await must(engine, { type: 'round.announce', roundId });
  return { sessionId, resolutionId: announced.decision.result!.resolutionId! };
}

export async function addDocument(
  engine: Engine,
  dataDir: string,
  sessionId: string,
  title: string,
  flags: { confidential: boolean; published: boolean; docType?: DocumentType },
): Promise<string> {
  const pdf = await simplePdf(title, [`${title} (kiểm thử)`]);
  const sha256 = storePdf(dataDir, pdf);
  const r = await must(engine, {
    type: 'document.add',
    sessionId,
    itemId: null,
    title,
    docType: flags.docType ?? 'other',
    confidential: flags.confidential,
    published: flags.published,
    file: { fileName: `${title}.pdf`, mimeType: 'application/pdf', size: pdf.length, sha256, pages: countPdfPages(pdf) },
  });
  return r.decision.result!.documentId!;
}
