import { BoldOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { Button, Tooltip } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { bodyExtensions, headingLevels, type HeadingLevel } from './body-extensions.js';
import './documents.css';

interface BodyEditorProps {
  readonly id?: string;
  /** The body as HTML (a form field's value). */
  readonly value?: string;
  readonly onChange?: (html: string) => void;
  readonly 'aria-invalid'?: boolean;
}

/** An empty editor answers `<p></p>`; the server keeps no empty blocks, so neither does the form. */
const normalise = (editor: Editor) => (editor.isEmpty ? '' : editor.getHTML());
const compact = (html: string) => html.replace(/>\s+</g, '><').replace(/<(\/?)b>/g, '<$1strong>');

/**
 * The body of a document in rich text, limited to what an official document holds: paragraphs, the
 * four heading levels (一、/（一）/1./（1）) and bold. The toolbar is one tab stop; arrow keys move
 * along it, and each button says whether its format is on (aria-pressed).
 */
export function BodyEditor({ id, value = '', onChange, ...rest }: BodyEditorProps) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const editor = useEditor({
    extensions: bodyExtensions,
    content: value,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': '正文',
        'aria-invalid': rest['aria-invalid'] ? 'true' : 'false',
        class: 'wb-doc-body wb-doc-editor',
      },
    },
    onUpdate: ({ editor: e }) => onChangeRef.current?.(normalise(e)),
  });

  // A value set from outside (loading a document, the server's cleaned copy after a save) replaces the
  // content, unless it is the same body laid out differently (the server puts each block on a line).
  useEffect(() => {
    if (compact(value) !== compact(normalise(editor))) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  return (
    <div id={id} className="wb-doc-editor-frame">
      <BodyToolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}

function BodyToolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph'),
      bold: e.isActive('bold'),
      levels: headingLevels.map((h) => e.isActive('heading', { level: h.level })),
    }),
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLElement | null)[]>([]);

  const items = [
    { key: 'p', label: '正文段落', text: '正文', pressed: state.paragraph, keys: 'Ctrl+Alt+0', run: () => editor.chain().focus().setParagraph().run() },
    ...headingLevels.map((h, i) => ({
      key: `h${h.level}`,
      label: h.label,
      text: h.label,
      pressed: state.levels[i] ?? false,
      keys: `Ctrl+Alt+${h.level}`,
      run: () => editor.chain().focus().toggleHeading({ level: h.level as HeadingLevel }).run(),
    })),
    { key: 'bold', label: '加粗', text: <BoldOutlined aria-hidden />, pressed: state.bold, keys: 'Ctrl+B', run: () => editor.chain().focus().toggleBold().run() },
  ];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -focusIndex, End: items.length - 1 - focusIndex };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = (focusIndex + move + items.length) % items.length;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div role="toolbar" aria-label="正文格式" className="wb-doc-toolbar" onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <Tooltip key={item.key} title={`${item.label}（${item.keys}）`}>
          <Button
            ref={(el) => {
              buttons.current[i] = el;
            }}
            size="small"
            type={item.pressed ? 'primary' : 'default'}
            aria-pressed={item.pressed}
            aria-label={item.label}
            tabIndex={i === focusIndex ? 0 : -1}
            onFocus={() => setFocusIndex(i)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={item.run}
          >
            {item.text}
          </Button>
        </Tooltip>
      ))}
    </div>
  );
}
