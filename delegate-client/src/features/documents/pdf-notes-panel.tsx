// "Ghi chú riêng": the delegate's own notes and highlights on this document, page by page. Only this
// delegate can see them (the server answers them to their card alone); they follow them to any tablet.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_LIMITS, formatHallDateTime, type DocumentNote } from '@hddt/protocol';
import { useStore } from '../../store';
import type { NoteDraft, SaveResult } from './use-document-notes';

interface Props {
  notes: DocumentNote[];
  loadError: string | null;
  page: number;
  /** Changes when the reader asks to write a note on the current page: the text box gets the focus. */
  composeRequest: number;
  onAdd: (draft: NoteDraft) => Promise<SaveResult>;
  onUpdate: (note: DocumentNote, text: string) => Promise<SaveResult>;
  onRemove: (note: DocumentNote) => Promise<SaveResult>;
  onGo: (page: number) => void;
  onClose: () => void;
}

const FALLBACK_ZONE = 'Asia/Ho_Chi_Minh';

export function PdfNotesPanel({ notes, loadError, page, composeRequest, onAdd, onUpdate, onRemove, onGo, onClose }: Props) {
  const { t } = useTranslation();
  const timeZone = useStore((s) => s.snapshot?.council.timeZone ?? FALLBACK_ZONE);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    if (composeRequest > 0) boxRef.current?.focus();
  }, [composeRequest]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const problem = await onAdd({ page, kind: 'note', text });
    setBusy(false);
    setError(problem);
    if (!problem) setText('');
  };

  return (
    <aside className="pdf-notes" aria-labelledby={`${id}-title`} data-testid="pdf-notes">
      <div className="pdf-notes-head">
        <h2 id={`${id}-title`}>{t('documents.notes')}</h2>
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          {t('documents.closePanel')}
        </button>
      </div>
      <p className="pdf-notes-private">{t('documents.notesPrivate')}</p>
      <form className="pdf-note-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${id}-text`}>{t('documents.noteFor', { page })}</label>
        <textarea
          id={`${id}-text`}
          ref={boxRef}
          rows={3}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-count ${id}-error`}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <div className="pdf-note-form-row">
          <span id={`${id}-count`} className={`muted${text.length > NOTE_LIMITS.text ? ' is-over' : ''}`}>
            {t('documents.noteCount', { n: text.length, max: NOTE_LIMITS.text })}
          </span>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('documents.noteSave')}
          </button>
        </div>
        <p id={`${id}-error`} className="pdf-error" role="alert">
          {error ?? ''}
        </p>
      </form>
      {loadError && (
        <p className="pdf-error" role="alert">
          {loadError}
        </p>
      )}
      {notes.length === 0 ? (
        <p className="muted">{t('documents.notesEmpty')}</p>
      ) : (
        <ul className="pdf-note-list" aria-label={t('documents.notesList')}>
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} timeZone={timeZone} onGo={onGo} onUpdate={onUpdate} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </aside>
  );
}

function NoteItem({
  note,
  timeZone,
  onGo,
  onUpdate,
  onRemove,
}: {
  note: DocumentNote;
  timeZone: string;
  onGo: (page: number) => void;
  onUpdate: Props['onUpdate'];
  onRemove: Props['onRemove'];
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const kind = note.kind === 'note' ? t('documents.kindNote') : t('documents.kindHighlight');

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const problem = await onUpdate(note, draft);
    setError(problem);
    if (!problem) setEditing(false);
  };

  return (
    <li className={`pdf-note is-${note.kind}`} aria-labelledby={`${id}-head`}>
      <div className="pdf-note-head" id={`${id}-head`}>
        <span className={`tag${note.kind === 'highlight' ? ' tag-mark' : ''}`}>{kind}</span>
        <button type="button" className="btn btn-link" onClick={() => onGo(note.page)} aria-label={t('documents.goToPage', { page: note.page })}>
          {t('documents.pageLabel', { page: note.page })}
        </button>
        <time className="muted" dateTime={note.updatedAt}>
          {formatHallDateTime(note.updatedAt, timeZone)}
        </time>
      </div>
      {note.quote && <blockquote className="pdf-note-quote">{note.quote}</blockquote>}
      {editing ? (
        <form onSubmit={(e) => void save(e)} noValidate>
          <label htmlFor={`${id}-edit`} className="visually-hidden">
            {t('documents.noteEditLabel', { page: note.page })}
          </label>
          <textarea
            id={`${id}-edit`}
            rows={3}
            value={draft}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-err`}
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
          />
          <p id={`${id}-err`} className="pdf-error" role="alert">
            {error ?? ''}
          </p>
          <div className="pdf-note-actions">
            <button type="submit" className="btn btn-primary">
              {t('documents.noteSaveEdit')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setEditing(false);
                setDraft(note.text);
                setError(null);
              }}
            >
              {t('documents.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {note.text && <p className="pdf-note-text">{note.text}</p>}
          <div className="pdf-note-actions">
            {confirming ? (
              <>
                <button
                  type="button"
                  className="btn btn-danger"
                  onClick={() =>
                    void onRemove(note).then((p) => {
                      setError(p);
                      setConfirming(false);
                    })
                  }
                >
                  {t('documents.noteDeleteConfirm')}
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(false)}>
                  {t('documents.cancel')}
                </button>
              </>
            ) : (
              <>
                <button
                  type="button"
                  className="btn"
                  onClick={() => {
                    setDraft(note.text);
                    setEditing(true);
                  }}
                >
                  {note.kind === 'note' ? t('documents.noteEdit') : t('documents.noteComment')}
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(true)}>
                  {t('documents.noteDelete')}
                </button>
              </>
            )}
          </div>
          {error && (
            <p className="pdf-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </li>
  );
}
