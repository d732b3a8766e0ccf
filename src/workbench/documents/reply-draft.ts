import type { DocumentKind } from '../../shared/documents.js';

/** What a reply to an incoming document starts with: its kind, a title, the sender as 主送. */
export interface ReplySuggestion {
  readonly kind: DocumentKind;
  readonly title: string;
  readonly mainRecipientIds: string[];
}

/**
 * The matter of a title: what stands between its (last) 关于 and the closing 的+文种, e.g.
 * 兴安盟行政公署关于做好冬季供暖工作的通知 → 做好冬季供暖工作. A title without 关于 is kept whole.
 */
export function matterOf(title: string): string {
  const about = title.lastIndexOf('关于');
  const rest = about >= 0 ? title.slice(about + 2) : title;
  return rest.replace(/的(通知|请示|报告|函|复函|意见|决定|通报|批复|议案|纪要|公告|通告)$/, '').trim() || rest;
}

/**
 * A reply as 行文 custom would have it: a 请示 is answered by a 批复, what a superior sends down (通知,
 * 意见, 决定, 通报) by a 报告 on how it was carried out, anything else by a 复函.
 */
export function suggestReply(incoming: { title: string; kind: string | null; senderOrgId: string | null }): ReplySuggestion {
  const matter = matterOf(incoming.title);
  const recipients = incoming.senderOrgId ? [incoming.senderOrgId] : [];
  if (incoming.kind === 'request') return { kind: 'reply', title: `关于${matter}的批复`, mainRecipientIds: recipients };
  if (incoming.kind && ['notice', 'opinion', 'decision', 'bulletin'].includes(incoming.kind)) {
    return { kind: 'report', title: `关于${matter}情况的报告`, mainRecipientIds: recipients };
  }
  return { kind: 'letter', title: `关于${matter}的复函`, mainRecipientIds: recipients };
}
