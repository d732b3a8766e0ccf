import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import { bodyExtensions } from './body-extensions.js';
import './documents.css';

/**
 * A body shown as it reads, through the editor's own schema: only paragraphs, headings, bold and line
 * breaks can appear, whatever the HTML holds, and nothing is set as raw HTML.
 */
export function BodyView({ html, label = '正文' }: { html: string; label?: string }) {
  const editor = useEditor({
    extensions: bodyExtensions,
    content: html,
    editable: false,
    editorProps: { attributes: { 'aria-label': label, class: 'wb-doc-body wb-doc-readonly' } },
  });
  useEffect(() => {
    if (editor.getHTML() !== html) editor.commands.setContent(html, { emitUpdate: false });
  }, [editor, html]);
  return <EditorContent editor={editor} />;
}
