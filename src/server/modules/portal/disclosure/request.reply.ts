import { AppError, type FieldProblem } from '../../../platform/errors/app-error.js';
import type { ReplyBody } from './request.schema.js';

/** What each kind of reply must say (条例 第三十六条): where it is public, why refused and on what basis, who holds it. */
export function checkReply(body: ReplyBody): void {
  const problems: FieldProblem[] = [];
  const need = (value: string | undefined, path: string, message: string) => {
    if (!value || !value.trim()) problems.push({ path, message });
  };
  switch (body.kind) {
    case 'already_public':
      need(body.location, 'location', '已主动公开的，须告知获取该政府信息的方式、途径');
      break;
    case 'partly_provided':
    case 'refused':
      if (!body.refusalGround) problems.push({ path: 'refusalGround', message: '请选择不予公开的理由类别' });
      need(body.reason, 'reason', '不予公开的，须说明理由');
      need(body.basis, 'basis', '不予公开的，须写明法律依据');
      break;
    case 'not_held':
      need(body.holder, 'holder', '非本机关负责公开的，须告知负责公开的机关名称和联系方式');
      break;
    case 'other_law':
      need(body.basis, 'basis', '须写明对信息获取有特别规定的法律、行政法规');
      break;
    default:
      break;
  }
  if (problems.length) throw new AppError('disclosure.reply_incomplete', { fields: problems });
}
