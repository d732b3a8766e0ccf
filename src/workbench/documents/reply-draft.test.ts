import { describe, expect, it } from 'vitest';
import { matterOf, suggestReply } from './reply-draft.js';

describe('a reply’s suggested particulars', () => {
  it('takes the matter between 关于 and the kind', () => {
    expect(matterOf('兴安盟行政公署关于做好冬季供暖工作的通知')).toBe('做好冬季供暖工作');
    expect(matterOf('阿尔山旅游季安排')).toBe('阿尔山旅游季安排');
  });

  it('answers a 请示 with a 批复, a notice with a 报告 and anything else with a 复函, to the sender', () => {
    expect(suggestReply({ title: '乌兰浩特市人民政府关于申请供热补助资金的请示', kind: 'request', senderOrgId: 'ulh' })).toEqual({ kind: 'reply', title: '关于申请供热补助资金的批复', mainRecipientIds: ['ulh'] });
    expect(suggestReply({ title: '兴安盟行政公署关于开展安全生产检查的通知', kind: 'notice', senderOrgId: 'xsh' })).toMatchObject({ kind: 'report', title: '关于开展安全生产检查情况的报告' });
    expect(suggestReply({ title: '关于商请提供气象资料的函', kind: 'letter', senderOrgId: null })).toEqual({ kind: 'letter', title: '关于商请提供气象资料的复函', mainRecipientIds: [] });
  });
});
