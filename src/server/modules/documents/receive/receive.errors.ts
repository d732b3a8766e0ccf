import { defineErrors } from '../../../platform/errors/app-error.js';
import '../documents.errors.js';

/** Error codes of receiving (收文). */
export const receiveErrors = defineErrors({
  'documents.incoming_not_found': { status: 404, zh: '未找到该收文', en: 'No such incoming document' },
  'documents.inbox_not_found': { status: 404, zh: '未找到该机关的收文箱', en: 'No such inbox' },
  'documents.incoming_not_your_step': { status: 403, zh: '当前环节不由您办理', en: 'This step is not yours' },
  'documents.incoming_step_not_current': {
    status: 409,
    zh: '收文不在该环节（可能已被他人处理），请刷新后重试',
    en: 'The incoming document is not at this step',
  },
  'documents.incoming_already_signed': { status: 409, zh: '该公文已签收，不能重复签收', en: 'Already signed for' },
  'documents.incoming_already_registered': { status: 409, zh: '该收文已登记编号，不能重复登记', en: 'Already registered' },
  'documents.incoming_already_read': { status: 409, zh: '您已阅过该文件', en: 'You have already read it' },
  'documents.incoming_not_circulated_to_you': { status: 403, zh: '该文件未传阅给您', en: 'It was not circulated to you' },
  'documents.incoming_changed_concurrently': { status: 409, zh: '收文已被他人处理，请刷新后重试', en: 'The incoming document changed meanwhile' },
  'documents.incoming_unit_invalid': {
    status: 422,
    zh: '承办、协办单位须为收文机关本身或其下属单位，且不能重复',
    en: 'Lead and co-units must be the receiving organisation or below it, once each',
  },
  'documents.incoming_reader_invalid': {
    status: 422,
    zh: '传阅对象须为本机关的领导或工作人员账号',
    en: 'Readers must be accounts of the receiving organisation',
  },
  'documents.incoming_reply_invalid': {
    status: 422,
    zh: '复文须为已核发且答复本收文的公文',
    en: 'The reply must be an issued document answering this incoming document',
  },
  'documents.incoming_no_deadline': { status: 422, zh: '该收文没有办理时限，无需催办', en: 'The document has no deadline' },
  'documents.incoming_scan_invalid': {
    status: 422,
    zh: '扫描件须为本人刚上传、尚未使用的 PDF、JPEG 或 PNG 文件',
    en: 'The scan must be a PDF, JPEG or PNG you uploaded and have not used yet',
  },
  'documents.incoming_date_invalid': { status: 422, zh: '成文日期不能晚于今天', en: 'The document date is in the future' },
  'documents.scan_type_not_allowed': {
    status: 415,
    zh: '扫描件须为 PDF、JPEG 或 PNG 文件（按文件内容判断）',
    en: 'A scan must be a PDF, JPEG or PNG file (judged by its bytes)',
  },
});
