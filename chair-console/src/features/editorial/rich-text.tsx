// The body editor: TipTap (pinned) with the formatting the portal's sanitiser keeps. Loaded only with the
// "Cổng thông tin" area (a lazy chunk), so the other screens never download it. The server sanitises what
// it receives; this is a convenience, not a boundary. Images are uploaded to the portal (resized there) and
// inserted as <img src="/tep/<id>" alt="…"> with an alternative text the editor must write; the server keeps
// images from /tep/ only.
import { EditorContent, useEditor } from '@tiptap/react';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useState, type MouseEvent } from 'react';
import { EDITORIAL_API, PORTAL_MAX_FILE_BYTES } from '@hddt/protocol';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { Field } from '../shared/field';
import { uploadFile } from './attachments';
import { FilePick } from './file-pick';

interface Props {
  id: string;
  labelledBy: string;
  value: string;
  editable: boolean;
  onChange: (html: string) => void;
}

// A pointer press on a toolbar button must not take the focus from the text: TipTap gives it back only on
// the next animation frame, and keys typed in between went to the button and were lost ("Đậm" then typing
// straight on dropped the first letters). Keyboard users still reach the buttons with Tab.
function keepEditorFocus(e: MouseEvent) {
  e.preventDefault();
}

export function RichText({ id, labelledBy, value, editable, onChange }: Props) {
  const { t, lang } = useT();
  const [imageOpen, setImageOpen] = useState(false);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false }, code: false, codeBlock: false }),
      Image.configure({ allowBase64: false }),
    ],
    content: value,
    editable,
    editorProps: { attributes: { id, role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelledBy, class: 'rt-content' } },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  if (!editor) return null;
  const buttons: { key: MsgKey; label: string; active: boolean; run: () => void }[] = [
    { key: 'ed.tb.bold', label: 'B', active: editor.isActive('bold'), run: () => editor.chain().focus().toggleBold().run() },
    { key: 'ed.tb.italic', label: 'I', active: editor.isActive('italic'), run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'ed.tb.h2', label: 'H', active: editor.isActive('heading', { level: 2 }), run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
    { key: 'ed.tb.bullets', label: '•', active: editor.isActive('bulletList'), run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'ed.tb.numbers', label: '1.', active: editor.isActive('orderedList'), run: () => editor.chain().focus().toggleOrderedList().run() },
    { key: 'ed.tb.quote', label: '“', active: editor.isActive('blockquote'), run: () => editor.chain().focus().toggleBlockquote().run() },
    { key: 'ed.tb.undo', label: '↶', active: false, run: () => editor.chain().focus().undo().run() },
  ];
  return (
    <div className="rt">
      {editable ? (
        <div className="rt-toolbar" role="toolbar" aria-label={t('ed.tb.toolbar')}>
          {buttons.map((b) => (
            <button
              key={b.key}
              type="button"
              className={b.active ? 'btn rt-btn active' : 'btn rt-btn'}
              aria-pressed={b.key === 'ed.tb.undo' ? undefined : b.active}
              aria-label={t(b.key)}
              title={t(b.key)}
              onMouseDown={keepEditorFocus}
              onClick={b.run}
            >
              {b.label}
            </button>
          ))}
          <button
            type="button"
            className={imageOpen ? 'btn rt-btn rt-btn-text active' : 'btn rt-btn rt-btn-text'}
            aria-expanded={imageOpen}
            onClick={() => setImageOpen((o) => !o)}
          >
            {t('ed.img.button')}
          </button>
        </div>
      ) : null}
      {editable && imageOpen ? (
        <ImageInsert
          lang={lang}
          onCancel={() => setImageOpen(false)}
          onInsert={(src, alt) => {
            editor.chain().focus().setImage({ src, alt }).run();
            setImageOpen(false);
          }}
        />
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}

/** The image form: a JPEG or PNG file and its alternative text (required: WCAG 1.1.1), uploaded then inserted. */
function ImageInsert({ lang, onInsert, onCancel }: { lang: 'vi' | 'en'; onInsert: (src: string, alt: string) => void; onCancel: () => void }) {
  const { t } = useT();
  const headingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<{ file?: string; alt?: string; server?: string }>({});
  const [busy, setBusy] = useState(false);

  async function insert() {
    const next: typeof errors = {};
    if (!file) next.file = t('ed.img.noFile');
    else if (file.size > PORTAL_MAX_FILE_BYTES) next.file = t('ed.att.tooLarge', { mb: PORTAL_MAX_FILE_BYTES / 1024 / 1024 });
    if (!alt.trim()) next.alt = t('ed.img.altRequired');
    setErrors(next);
    if (next.file || next.alt || !file) return;
    setBusy(true);
    try {
      const meta = await uploadFile(EDITORIAL_API.files, file);
      if (!meta.contentType.startsWith('image/')) {
        setErrors({ file: t('ed.img.notImage') });
        return;
      }
      onInsert(`/tep/${meta.id}`, alt.trim());
    } catch (err) {
      setErrors({ server: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="rt-image" role="group" aria-labelledby={headingId}>
      <p id={headingId} className="field-label">
        {t('ed.img.title')}
      </p>
      <div className="form-row">
        <div>
          <FilePick
            label={t('ed.img.file')}
            accept="image/jpeg,image/png,.jpg,.jpeg,.png"
            fileName={file?.name ?? null}
            testId="image-file"
            onPick={(f) => {
              setFile(f);
              setErrors({});
            }}
          />
          {errors.file ? (
            <span className="field-error" role="alert">
              {errors.file}
            </span>
          ) : null}
        </div>
        <Field label={t('ed.img.alt')} hint={t('ed.img.altHint')} error={errors.alt}>
          {(a) => <input {...a} value={alt} maxLength={300} required onChange={(e) => setAlt(e.target.value)} />}
        </Field>
      </div>
      {errors.server ? (
        <p className="form-error" role="alert">
          {errors.server}
        </p>
      ) : null}
      <div className="form-row">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void insert()}>
          {busy ? t('ed.uploading') : t('ed.img.insert')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <p className="muted small">{t('ed.img.rules')}</p>
    </div>
  );
}
