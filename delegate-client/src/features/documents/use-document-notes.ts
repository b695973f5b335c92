// The delegate's own notes and highlights on one document, read from and written to the hall server (they
// follow the card to any tablet). Loaded when the document opens and again after every reconnect.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { noteProblem, type DocumentNote, type NoteKind, type NoteRect } from '@hddt/protocol';
import { ACK_TIMEOUT_MS, getSocket } from '../../socket';
import { useStore } from '../../store';
import { serverMessage } from '../../server-message';
import type { Lang } from '../../i18n';

export interface NoteDraft {
  page: number;
  kind: NoteKind;
  text: string;
  quote?: string;
  rects?: NoteRect[];
}

/** What a change answers: null when it was saved, otherwise the reason in the app's language. */
export type SaveResult = string | null;

const OFFLINE = {
  vi: 'Mất kết nối với máy chủ: ghi chú chưa được lưu. Thử lại khi có kết nối.',
  en: 'No connection to the server: the note was not saved. Try again once connected.',
};

function byPage(a: DocumentNote, b: DocumentNote): number {
  return a.page - b.page || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export function useDocumentNotes(documentId: string, lang: Lang) {
  const [notes, setNotes] = useState<DocumentNote[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const epoch = useStore((s) => s.connectEpoch);
  const online = useStore((s) => s.connection === 'online');
  // The error in the reader's language when it happens; a language switch is no reason to list again.
  const failureText = useEffectEvent((code: string | null) => (code === null ? OFFLINE[lang] : serverMessage(code, lang)));

  useEffect(() => {
    const socket = getSocket();
    if (!socket?.connected) return;
    let cancelled = false;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('note:list', { documentId })
      .then((ack) => {
        if (cancelled) return;
        if (ack.ok) {
          setNotes([...ack.data].sort(byPage));
          setLoaded(true);
          setLoadError(null);
        } else setLoadError(failureText(ack.code));
      })
      .catch(() => {
        if (!cancelled) setLoadError(failureText(null));
      });
    return () => {
      cancelled = true;
    };
  }, [documentId, epoch, online]);

  const call = useCallback(
    async <T>(
      send: (
        s: NonNullable<ReturnType<typeof getSocket>>,
      ) => Promise<{ ok: true; data: T } | { ok: false; code: string; fields?: { message: string; messageEn: string }[] }>,
      apply: (data: T) => void,
    ): Promise<SaveResult> => {
      const socket = getSocket();
      if (!socket?.connected) return OFFLINE[lang];
      try {
        const ack = await send(socket);
        if (!ack.ok) {
          const field = ack.fields?.[0];
          return field ? (lang === 'vi' ? field.message : field.messageEn) : serverMessage(ack.code, lang);
        }
        apply(ack.data);
        return null;
      } catch {
        return OFFLINE[lang];
      }
    },
    [lang],
  );

  const add = useCallback(
    (draft: NoteDraft): Promise<SaveResult> => {
      const problem = noteProblem(draft.kind, draft.text, draft.rects ?? []);
      if (problem) return Promise.resolve(lang === 'vi' ? problem.message : problem.messageEn);
      return call<DocumentNote>(
        (s) =>
          s
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck('note:add', { documentId, page: draft.page, kind: draft.kind, text: draft.text, quote: draft.quote ?? '', rects: draft.rects ?? [] }),
        (note) => setNotes((list) => [...list, note].sort(byPage)),
      );
    },
    [call, documentId, lang],
  );

  const update = useCallback(
    (note: DocumentNote, text: string): Promise<SaveResult> => {
      const problem = noteProblem(note.kind, text, note.rects);
      if (problem) return Promise.resolve(lang === 'vi' ? problem.message : problem.messageEn);
      return call<DocumentNote>(
        (s) => s.timeout(ACK_TIMEOUT_MS).emitWithAck('note:update', { noteId: note.id, text }),
        (saved) => setNotes((list) => list.map((n) => (n.id === saved.id ? saved : n))),
      );
    },
    [call, lang],
  );

  const remove = useCallback(
    (note: DocumentNote): Promise<SaveResult> =>
      call<{ noteId: string }>(
        (s) => s.timeout(ACK_TIMEOUT_MS).emitWithAck('note:remove', { noteId: note.id }),
        () => setNotes((list) => list.filter((n) => n.id !== note.id)),
      ),
    [call],
  );

  return { notes, loaded, loadError, add, update, remove };
}
