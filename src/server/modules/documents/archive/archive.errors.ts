import { defineErrors } from '../../../platform/errors/app-error.js';

/** Error codes of filing (归档). */
export const archiveErrors = defineErrors({
  'documents.archive_not_found': { status: 404, zh: '未找到该档案', en: 'No such archival record' },
  'documents.archive_already_filed': { status: 409, zh: '该文件已归档，不能重复归档', en: 'Already filed' },
  'documents.archive_not_finished': {
    status: 409,
    zh: '只有已核发的发文或已办结的收文才能归档',
    en: 'Only issued or completed documents can be filed',
  },
  'documents.archive_no_file': { status: 409, zh: '该文件没有可归档的正式文件（PDF 或扫描件）', en: 'The document has no file to file' },
  'documents.archive_file_unreadable': {
    status: 422,
    zh: '原件不是可读取的 PDF 或图片，无法加盖归档章',
    en: 'The original is not a readable PDF or image',
  },
  'documents.archive_fonds_in_use': {
    status: 409,
    zh: '本全宗已有归档文件，全宗号不能再更改',
    en: 'Records are filed under this fonds; its code can no longer change',
  },
  'documents.archive_fonds_taken': { status: 409, zh: '该全宗号已被其他单位使用', en: 'Another organisation uses this fonds code' },
  'documents.archive_nothing_to_export': { status: 404, zh: '该单位该年度没有归档文件', en: 'Nothing filed for that organisation and year' },
});
