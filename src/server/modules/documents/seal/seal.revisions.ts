import {
  type DictEntries,
  type Xref,
  arrayItems,
  arrayOf,
  entry,
  lastStartxref,
  parseDict,
  readObjectAt,
  readXref,
  readXrefSection,
  referenceOf,
} from './seal.pdf-syntax.js';

/**
 * Whether the bytes after a seal's signed range only add further seals. A document sealed by
 * several organisations carries one incremental update per seal (see seal.pdf.ts), so an earlier
 * seal does not cover the whole file. Each later update may add only signature dictionaries and
 * invisible signature widgets, and rewrite only the catalog's /AcroForm, the form's /Fields and
 * /SigFlags, and a page's /Annots — keeping every earlier entry. Anything else (a changed content
 * stream, a new annotation, a freed object, an /OpenAction) means the document changed after it
 * was sealed. Returns the reason in Chinese when it did.
 */
export function onlySealsAfter(s: string, end: number): string | null {
  let prevStartxref: number;
  try {
    prevStartxref = lastStartxref(s, end);
  } catch {
    return '盖章范围之前找不到交叉引用表';
  }
  let pos = end;
  while (s.slice(pos).trim() !== '') {
    const eof = s.indexOf('%%EOF', pos);
    if (eof < 0) return '盖章后追加了不完整的内容';
    let revEnd = eof + 5;
    while (s[revEnd] === '\r' || s[revEnd] === '\n') revEnd++;
    try {
      const problem = checkRevision(s, pos, revEnd, prevStartxref);
      if (problem) return problem;
      prevStartxref = lastStartxref(s, eof);
    } catch (error) {
      return `盖章后追加的内容无法解析（${(error as Error).message}）`;
    }
    pos = revEnd;
  }
  return null;
}

const normalised = (raw: string) => raw.replace(/\s+/g, ' ').trim();

function isDict(raw: string): boolean {
  return raw.trimStart().startsWith('<<');
}

/** Entries other than `allowed` must be the same before and after. */
function sameExcept(before: DictEntries, after: DictEntries, allowed: readonly string[]): boolean {
  const pick = (entries: DictEntries) =>
    entries
      .filter(([key]) => !allowed.includes(key))
      .map(([key, raw]) => `${key} ${normalised(raw)}`)
      .sort();
  return JSON.stringify(pick(before)) === JSON.stringify(pick(after));
}

/** Every earlier item kept; every added one a reference to an object new in this revision. */
function onlyAdded(before: string[], after: string[], firstNew: number): boolean {
  const kept = new Set(after.map(normalised));
  if (!before.every((item) => kept.has(normalised(item)))) return false;
  const old = new Set(before.map(normalised));
  return after.filter((item) => !old.has(normalised(item))).every((item) => (referenceOf(item)?.num ?? -1) >= firstNew);
}

function checkRevision(s: string, start: number, end: number, prevStartxref: number): string | null {
  const startxref = lastStartxref(s, end);
  if (startxref < start || startxref >= end) return '盖章后追加的内容没有自己的交叉引用表';
  const section = readXrefSection(s, startxref);
  if (Number(entry(section.trailer, '/Prev')) !== prevStartxref) return '盖章后追加的内容没有接续原文件';
  if (section.freed.length) return `盖章后删除了文件中的对象（${section.freed.join('、')}）`;
  const before = readXref(s, prevStartxref);
  const after = readXref(s, startxref);
  const firstNew = Number(entry(before.trailer, '/Size'));
  const root = referenceOf(entry(before.trailer, '/Root'));
  if (!root || referenceOf(entry(section.trailer, '/Root'))?.num !== root.num) return '盖章后更换了文件的根对象';
  const catalogBefore = parseDict(objectRaw(s, before, root.num), 0).entries;
  const formRef = referenceOf(entry(catalogBefore, '/AcroForm'));

  for (const [num, at] of section.entries) {
    if (at.offset < start || at.offset >= end) return `对象 ${num} 的位置不在追加的内容中`;
    const object = readObjectAt(s, at.offset);
    if (object.num !== num) return `交叉引用表中对象 ${num} 的位置不正确`;
    if (num >= firstNew) {
      if (!isDict(object.raw) || !isSignatureObject(parseDict(object.raw, 0).entries)) return `盖章后新增了非印章对象（对象 ${num}）`;
      continue;
    }
    const previous = before.objects.get(num) ? objectRaw(s, before, num) : undefined;
    if (previous === undefined || !isDict(previous) || !isDict(object.raw)) return `盖章后修改了文件内容（对象 ${num}）`;
    const old = parseDict(previous, 0).entries;
    const now = parseDict(object.raw, 0).entries;
    if (num === root.num) {
      if (!sameExcept(old, now, ['/AcroForm'])) return '盖章后修改了文件的目录对象';
      const formBefore = entry(old, '/AcroForm');
      const formAfter = entry(now, '/AcroForm');
      if (formAfter && !referenceOf(formAfter) && !formChangeAllowed(s, before, after, formBefore, formAfter, firstNew)) {
        return '盖章后修改了表单（除印章外）';
      }
      if (formBefore && referenceOf(formBefore) && normalised(formBefore) !== normalised(formAfter ?? '')) return '盖章后更换了表单对象';
    } else if (formRef && num === formRef.num) {
      if (!formChangeAllowed(s, before, after, previous, object.raw, firstNew)) return '盖章后修改了表单（除印章外）';
    } else if (entry(old, '/Type') === '/Page') {
      if (!sameExcept(old, now, ['/Annots'])) return `盖章后修改了页面（对象 ${num}）`;
      if (!onlyAdded(arrayOf(s, before, entry(old, '/Annots')), arrayOf(s, after, entry(now, '/Annots')), firstNew)) {
        return `盖章后在页面上增删了批注（对象 ${num}）`;
      }
    } else {
      return `盖章后修改了文件内容（对象 ${num}）`;
    }
  }
  return null;
}

function objectRaw(s: string, xref: Xref, num: number): string {
  const at = xref.objects.get(num);
  if (!at) throw new Error(`object ${num} missing`);
  return readObjectAt(s, at.offset).raw;
}

/** An AcroForm dictionary that changed only by new signature fields (and /SigFlags). */
function formChangeAllowed(s: string, before: Xref, after: Xref, oldRaw: string | undefined, newRaw: string, firstNew: number): boolean {
  const old = oldRaw ? parseDict(oldRaw, 0).entries : [];
  const now = parseDict(newRaw, 0).entries;
  return sameExcept(old, now, ['/Fields', '/SigFlags']) && onlyAdded(arrayOf(s, before, entry(old, '/Fields')), arrayOf(s, after, entry(now, '/Fields')), firstNew);
}

/** A signature dictionary, or an invisible signature field widget (zero /Rect, so it draws nothing). */
function isSignatureObject(entries: DictEntries): boolean {
  if (entry(entries, '/Type') === '/Sig') return true;
  const rect = entry(entries, '/Rect');
  return (
    entry(entries, '/Subtype') === '/Widget' &&
    entry(entries, '/FT') === '/Sig' &&
    entry(entries, '/AP') === undefined &&
    rect !== undefined &&
    arrayItems(rect).every((n) => Number(n) === 0)
  );
}
