import { mergeAttributes, Node } from '@tiptap/react';
import { goToNextCell, tableEditing } from '@tiptap/pm/tables';
import StarterKit from '@tiptap/starter-kit';

/** prosemirror-tables finds its nodes by this role in the node spec. */
const tableRoles: Readonly<Record<string, string>> = { table: 'table', tableRow: 'row', tableCell: 'cell', tableHeader: 'header_cell' };

const spanAttributes = {
  colspan: { default: 1, parseHTML: (el: HTMLElement) => Number(el.getAttribute('colspan') ?? 1), renderHTML: (a: { colspan: number }) => (a.colspan > 1 ? { colspan: a.colspan } : {}) },
  rowspan: { default: 1, parseHTML: (el: HTMLElement) => Number(el.getAttribute('rowspan') ?? 1), renderHTML: (a: { rowspan: number }) => (a.rowspan > 1 ? { rowspan: a.rowspan } : {}) },
};

const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  extendNodeSchema: (extension) => ({ tableRole: tableRoles[extension.name] }),
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: ({ HTMLAttributes }) => ['table', mergeAttributes(HTMLAttributes), ['tbody', 0]],
  addProseMirrorPlugins: () => [tableEditing()],
  addKeyboardShortcuts() {
    return { Tab: () => goToNextCell(1)(this.editor.state, this.editor.view.dispatch), 'Shift-Tab': () => goToNextCell(-1)(this.editor.state, this.editor.view.dispatch) };
  },
});
const TableRow = Node.create({ name: 'tableRow', content: '(tableCell | tableHeader)*', parseHTML: () => [{ tag: 'tr' }], renderHTML: ({ HTMLAttributes }) => ['tr', HTMLAttributes, 0] });
const TableCell = Node.create({
  name: 'tableCell',
  content: 'block+',
  isolating: true,
  addAttributes: () => spanAttributes,
  parseHTML: () => [{ tag: 'td' }],
  renderHTML: ({ HTMLAttributes }) => ['td', HTMLAttributes, 0],
});
const TableHeader = Node.create({
  name: 'tableHeader',
  content: 'block+',
  isolating: true,
  addAttributes: () => spanAttributes,
  parseHTML: () => [{ tag: 'th' }],
  renderHTML: ({ HTMLAttributes }) => ['th', HTMLAttributes, 0],
});

/** A picture from the platform's file store (the server drops any other source). */
const Image = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({ src: { default: null }, alt: { default: null } }),
  parseHTML: () => [{ tag: 'img[src]' }],
  renderHTML: ({ HTMLAttributes }) => ['img', mergeAttributes(HTMLAttributes)],
});

/**
 * An article body as the portal keeps it (see the server's `article-body.ts`): paragraphs, headings
 * 2–4, bold/italic/underline/strike, lists, quotes, links, tables and pictures of the article. Code,
 * level-1 headings and other formats the sanitiser drops are left out.
 */
export const articleBodyExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], HTMLAttributes: { rel: 'noopener noreferrer', target: null } },
  }),
  Table,
  TableRow,
  TableCell,
  TableHeader,
  Image,
];

/** A new table: a header row and two rows of three cells. */
export const emptyTable = {
  type: 'table',
  content: [
    { type: 'tableRow', content: Array.from({ length: 3 }, () => ({ type: 'tableHeader', content: [{ type: 'paragraph' }] })) },
    ...Array.from({ length: 2 }, () => ({ type: 'tableRow', content: Array.from({ length: 3 }, () => ({ type: 'tableCell', content: [{ type: 'paragraph' }] })) })),
  ],
};
