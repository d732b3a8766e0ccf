import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import { articleBodyExtensions } from './body-extensions.js';
import './portal.css';

/** An article body shown through the editor's schema: nothing is set as raw HTML. */
export function ArticleBodyView({ html }: { html: string }) {
  const editor = useEditor({
    extensions: articleBodyExtensions,
    content: html,
    editable: false,
    editorProps: { attributes: { 'aria-label': '正文', class: 'wb-article-body wb-article-readonly' } },
  });
  useEffect(() => {
    if (editor.getHTML() !== html) editor.commands.setContent(html, { emitUpdate: false });
  }, [editor, html]);
  return <EditorContent editor={editor} />;
}
