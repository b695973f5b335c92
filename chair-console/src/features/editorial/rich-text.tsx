// The body editor: TipTap (pinned) with the formatting the portal's sanitiser keeps. Loaded only with the
// "Cổng thông tin" area (a lazy chunk), so the other screens never download it. The server sanitises what
// it receives; this is a convenience, not a boundary.
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, type MouseEvent } from 'react';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';

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
  const { t } = useT();
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false }, code: false, codeBlock: false })],
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
            <button key={b.key} type="button" className={b.active ? 'btn rt-btn active' : 'btn rt-btn'} aria-pressed={b.key === 'ed.tb.undo' ? undefined : b.active} aria-label={t(b.key)} title={t(b.key)} onMouseDown={keepEditorFocus} onClick={b.run}>
              {b.label}
            </button>
          ))}
        </div>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
