import StarterKit from '@tiptap/starter-kit';

/**
 * The body's structure as the server keeps it (see the sending side's `body.ts` and the GB/T 9704
 * renderer): paragraphs, the four heading levels, bold and line breaks. Everything else the starter kit
 * offers is left out, so the editor cannot produce what the server would drop.
 */
export const bodyExtensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3, 4] },
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
    listKeymap: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    italic: false,
    strike: false,
    underline: false,
    link: false,
  }),
];

/** The heading levels of an official document's body, with the numbering each level uses. */
export const headingLevels = [
  { level: 1, label: '一级标题（一、）', short: '一、', hint: '黑体' },
  { level: 2, label: '二级标题（（一））', short: '（一）', hint: '楷体' },
  { level: 3, label: '三级标题（1.）', short: '1.', hint: '仿宋加粗' },
  { level: 4, label: '四级标题（（1））', short: '（1）', hint: '仿宋' },
] as const;

export type HeadingLevel = (typeof headingLevels)[number]['level'];
