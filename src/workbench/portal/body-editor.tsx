import {
  BoldOutlined,
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  InsertRowBelowOutlined,
  InsertRowRightOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PictureOutlined,
  TableOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, isInTable } from '@tiptap/pm/tables';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { Button, Tooltip } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import '../documents/documents.css';
import { articleBodyExtensions, emptyTable } from './body-extensions.js';
import { LinkDialog, PictureDialog, type Picture } from './body-dialogs.js';
import './portal.css';

interface ArticleBodyEditorProps {
  readonly id?: string;
  readonly value?: string;
  readonly onChange?: (html: string) => void;
  /** The article's picture attachments, offered for insertion. */
  readonly pictures: readonly Picture[];
}

const normalise = (editor: Editor) => (editor.isEmpty ? '' : editor.getHTML());
const compact = (html: string) => html.replace(/>\s+</g, '><');

/**
 * An article's body in rich text: what the portal's sanitiser keeps (headings 2–4, emphasis, lists,
 * quotes, links, tables, pictures of this article). The toolbar is one tab stop; arrow keys move along it.
 */
export function ArticleBodyEditor({ id, value = '', onChange, pictures }: ArticleBodyEditorProps) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const editor = useEditor({
    extensions: articleBodyExtensions,
    content: value,
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': '正文', class: 'wb-article-body wb-article-editor' } },
    onUpdate: ({ editor: e }) => onChangeRef.current?.(normalise(e)),
  });
  useEffect(() => {
    if (compact(value) !== compact(normalise(editor))) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  return (
    <div id={id} className="wb-doc-editor-frame">
      <Toolbar editor={editor} pictures={pictures} />
      <EditorContent editor={editor} />
    </div>
  );
}

interface Item {
  readonly key: string;
  readonly label: string;
  readonly text: ReactNode;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  readonly run: () => void;
}

function Toolbar({ editor, pictures }: { editor: Editor; pictures: readonly Picture[] }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      inTable: isInTable(e.state),
    }),
  });
  const [dialog, setDialog] = useState<'link' | 'picture'>();
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLElement | null)[]>([]);
  const chain = () => editor.chain().focus();
  const table = (command: typeof addRowAfter) => () => (command(editor.state, editor.view.dispatch), editor.commands.focus());

  const items: Item[] = [
    { key: 'p', label: '正文段落', text: '正文', pressed: state.paragraph, run: () => chain().setParagraph().run() },
    { key: 'h2', label: '二级标题', text: 'H2', pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: '三级标题', text: 'H3', pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'h4', label: '四级标题', text: 'H4', pressed: state.h4, run: () => chain().toggleHeading({ level: 4 }).run() },
    { key: 'bold', label: '加粗', text: <BoldOutlined aria-hidden />, pressed: state.bold, run: () => chain().toggleBold().run() },
    { key: 'italic', label: '倾斜', text: <ItalicOutlined aria-hidden />, pressed: state.italic, run: () => chain().toggleItalic().run() },
    { key: 'ul', label: '无序列表', text: <UnorderedListOutlined aria-hidden />, pressed: state.bullet, run: () => chain().toggleBulletList().run() },
    { key: 'ol', label: '有序列表', text: <OrderedListOutlined aria-hidden />, pressed: state.ordered, run: () => chain().toggleOrderedList().run() },
    { key: 'quote', label: '引用', text: '引用', pressed: state.quote, run: () => chain().toggleBlockquote().run() },
    { key: 'link', label: '链接', text: <LinkOutlined aria-hidden />, pressed: state.link, run: () => setDialog('link') },
    { key: 'picture', label: '插入图片', text: <PictureOutlined aria-hidden />, run: () => setDialog('picture') },
    { key: 'table', label: '插入表格', text: <TableOutlined aria-hidden />, disabled: state.inTable, run: () => chain().insertContent(emptyTable).run() },
    { key: 'row', label: '在下方加一行', text: <InsertRowBelowOutlined aria-hidden />, disabled: !state.inTable, run: table(addRowAfter) },
    { key: 'col', label: '在右侧加一列', text: <InsertRowRightOutlined aria-hidden />, disabled: !state.inTable, run: table(addColumnAfter) },
    { key: 'delrow', label: '删除所在行', text: <DeleteRowOutlined aria-hidden />, disabled: !state.inTable, run: table(deleteRow) },
    { key: 'delcol', label: '删除所在列', text: <DeleteColumnOutlined aria-hidden />, disabled: !state.inTable, run: table(deleteColumn) },
    { key: 'deltable', label: '删除表格', text: <DeleteOutlined aria-hidden />, disabled: !state.inTable, run: table(deleteTable) },
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
        <Tooltip key={item.key} title={item.label}>
          <Button
            ref={(el) => {
              buttons.current[i] = el;
            }}
            size="small"
            type={item.pressed ? 'primary' : 'default'}
            aria-pressed={item.pressed === undefined ? undefined : item.pressed}
            aria-label={item.label}
            disabled={item.disabled}
            tabIndex={i === focusIndex ? 0 : -1}
            onFocus={() => setFocusIndex(i)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={item.run}
          >
            {item.text}
          </Button>
        </Tooltip>
      ))}
      {dialog === 'link' && (
        <LinkDialog
          initial={(editor.getAttributes('link').href as string | undefined) ?? ''}
          onClose={() => setDialog(undefined)}
          onDone={(href) => {
            setDialog(undefined);
            if (href) chain().extendMarkRange('link').setLink({ href }).run();
            else chain().extendMarkRange('link').unsetLink().run();
          }}
        />
      )}
      {dialog === 'picture' && (
        <PictureDialog
          pictures={pictures}
          onClose={() => setDialog(undefined)}
          onDone={(picture) => {
            setDialog(undefined);
            chain().insertContent({ type: 'image', attrs: { src: picture.src, alt: picture.alt } }).run();
          }}
        />
      )}
    </div>
  );
}
