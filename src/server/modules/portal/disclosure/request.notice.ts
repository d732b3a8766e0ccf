import { deliveryForms, refusalGrounds, unavailableReasons, type RefusalGround, type UnavailableReason } from '../../../../shared/disclosure.js';
import { renderOfficialDocument, type OfficialDocumentInput } from '../../documents/index.js';
import type { DisclosureRequestRow } from './disclosure.table.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const chineseDate = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}……` : text);

type Reply = Pick<DisclosureRequestRow, 'reply_kind' | 'reply_ground' | 'reply_reason' | 'reply_basis' | 'reply_location' | 'reply_holder' | 'reply_text' | 'form'>;

/** The decision paragraph of each kind of reply (条例 第三十六条). */
function decision(r: Reply): string[] {
  const reason = r.reply_reason ? `理由：${r.reply_reason}` : '';
  switch (r.reply_kind) {
    case 'already_public':
      return [`您申请获取的政府信息已经主动公开，您可以通过以下方式和途径获取：${r.reply_location ?? ''}。`];
    case 'provided':
      return [`经审查，您申请获取的政府信息属于公开范围，本机关决定予以公开，现以${deliveryForms[r.form]}形式提供给您。`];
    case 'partly_provided':
      return [
        `经审查，您申请获取的政府信息中，部分内容属于“${refusalGrounds[r.reply_ground as RefusalGround] ?? ''}”的情形，根据${r.reply_basis ?? ''}的规定，该部分不予公开；其余部分予以公开，现以${deliveryForms[r.form]}形式提供给您。`,
        reason,
      ];
    case 'refused':
      return [`经审查，您申请获取的政府信息属于“${refusalGrounds[r.reply_ground as RefusalGround] ?? ''}”的情形，根据${r.reply_basis ?? ''}的规定，本机关决定不予公开。`, reason];
    case 'not_exist':
      return [`经检索查找，${unavailableReasons[(r.reply_ground as UnavailableReason) ?? 'not_held'] ?? unavailableReasons.not_held}，您申请获取的政府信息不存在。`, reason];
    case 'not_held':
      return [`经审查，您申请获取的政府信息不属于本机关负责公开。该政府信息由${r.reply_holder ?? ''}负责公开，请您向其提出申请。`];
    case 'repeat':
      return ['经审查，您的申请与本机关此前已作出答复的申请内容相同，且您未提出新的理由，本机关不再重复处理。', reason];
    case 'other_law':
      return [`经审查，您申请获取的信息，${r.reply_basis ?? '有关法律、行政法规'}对信息的获取有特别规定，请您依照该规定办理。`, reason];
    default:
      return [];
  }
}

export interface NoticeInput {
  readonly orgName: string;
  readonly request: DisclosureRequestRow;
  readonly repliedOn: string;
}

/** The 告知书 as GB/T 9704 信函格式 HTML body and elements (exported for tests of its wording). */
export function noticeDocument({ orgName, request, repliedOn }: NoticeInput): OfficialDocumentInput {
  const paragraphs = [
    `本机关于${chineseDate(request.received_on)}收到您提出的政府信息公开申请（查询码：${request.tracking_code}），申请获取“${clip(request.content, 200)}”的政府信息。${
      request.corrected_on ? `您已于${chineseDate(request.corrected_on)}补正申请。` : ''
    }根据《中华人民共和国政府信息公开条例》的规定，现答复如下：`,
    ...decision(request),
    ...(request.reply_text ? [request.reply_text] : []),
    '如对本答复不服，您可以自收到本告知书之日起60日内依法申请行政复议，或者在6个月内依法向人民法院提起行政诉讼。',
  ].filter(Boolean);
  return {
    format: 'letter',
    letterhead: { issuers: [{ name: orgName }] },
    documentNumber: request.tracking_code,
    title: '政府信息公开申请答复告知书',
    mainRecipients: [request.applicant_name],
    body: paragraphs.map((p) => `<p>${escape(p)}</p>`).join(''),
    signatures: [{ orgName }],
    date: repliedOn,
  };
}

/** Renders the 告知书 PDF with the documents module's renderer and shipped open fonts. */
export function renderNotice(input: NoticeInput, creationDate: Date): Promise<Buffer> {
  return renderOfficialDocument(noticeDocument(input), { creationDate });
}
