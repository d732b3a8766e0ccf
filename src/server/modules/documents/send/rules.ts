import { AppError } from '../../../platform/errors/app-error.js';
import { documentDirectionLabels, documentKinds, kindAllows, upwardKinds, type DocumentKind } from '../../../../shared/documents.js';
import { bodyBlocks } from './body.js';
import type { OrgGraph } from './org-graph.js';

/**
 * The 行文规则 of the 2012 regulation (党政机关公文处理工作条例 §§14–17) as checks on a document.
 * They run when a document is saved (on what it holds so far), when it is submitted (it must then be
 * complete) and at sign-off (the 签发人 is then known).
 */
export interface RuleInput {
  readonly kind: DocumentKind;
  readonly title: string;
  readonly bodyHtml: string;
  readonly issuerId: string;
  readonly mainIds: readonly string[];
  readonly copyIds: readonly string[];
  readonly stage: 'save' | 'submit' | 'sign_off';
  /** 签发人 names (lead signer first), known from sign-off on. */
  readonly signers?: readonly string[];
}

export interface RuleProblem {
  readonly code: string;
  readonly message: string;
  /** The organisations the problem names. */
  readonly orgIds?: readonly string[];
}

/** Kinds published to all rather than addressed (公报, 公告, 通告, 命令, 纪要): they may have no 主送. */
const unaddressedKinds: ReadonlySet<DocumentKind> = new Set(['communique', 'announcement', 'public_notice', 'order', 'minutes']);

/** A request for approval, the mark of a 请示 matter: 请批准, 请予审批, 请批示, 恳请批复, … */
const REQUEST_PHRASE = /(?:请|恳请|敬请|特请)(?:予以|予)?(?:批准|批示|审批|核准|批复|审定|指示|审示)/;
/** The closing formula of a 请示, which asks for nothing new: 妥否，请批示。/ 以上请示当否，请批复。 */
const CLOSING_FORMULA = /^(?:以上(?:请示|意见|报告)?[，,、]?\s*)?(?:妥否|当否|可否|是否妥当|是否可行)[，,]?\s*请(?:予)?(?:批示|批复|审批|审定|指示|示复)[。.！!]?$/;

/**
 * 一文一事 for a 请示, as a checkable rule:
 * - the title asks about one thing: `关于` appears once (`关于甲和关于乙的请示` is two matters);
 * - the body makes one request: at most one paragraph or heading asks for approval (请批准, 请予审批,
 *   请批示, …), not counting the closing formula (`妥否，请批示。`). Several numbered items that each
 *   ask for approval are several matters and must be separate 请示.
 */
export function requestMatters(title: string, bodyHtml: string): { titleMatters: number; requestParagraphs: number } {
  const titleMatters = Math.max(1, title.split('关于').length - 1);
  const requestParagraphs = bodyBlocks(bodyHtml).filter((b) => !CLOSING_FORMULA.test(b.text.trim()) && REQUEST_PHRASE.test(b.text)).length;
  return { titleMatters, requestParagraphs };
}

/** Every rule the document breaks, in a stable order; empty when it keeps them all. */
export async function checkRules(graph: OrgGraph, input: RuleInput): Promise<RuleProblem[]> {
  const problems: RuleProblem[] = [];
  const kind = documentKinds[input.kind];
  const names = await graph.nodes([input.issuerId, ...input.mainIds, ...input.copyIds]);
  const nameOf = (id: string) => names.get(id)?.nameZh ?? id;
  const list = (ids: readonly string[]) => ids.map(nameOf).join('、');

  if (input.stage !== 'save' && input.mainIds.length === 0 && !unaddressedKinds.has(input.kind)) {
    problems.push({ code: 'documents.no_main_recipient', message: `${kind.label}须有主送机关` });
  }

  const directions = new Map<string, 'up' | 'down' | 'parallel'>();
  for (const id of [...input.mainIds, ...input.copyIds]) directions.set(id, await graph.direction(input.issuerId, id));

  const wrong = input.mainIds.filter((id) => !kindAllows(input.kind, directions.get(id)!));
  if (wrong.length) {
    const allowed = kind.directions.map((d) => documentDirectionLabels[d]).join('或');
    const hint = input.kind === 'request' || input.kind === 'report' ? '；向不相隶属机关商洽、请求批准应使用函' : '';
    problems.push({
      code: 'documents.kind_direction',
      message: `${kind.label}只能作${allowed}，不能主送${list(wrong)}${hint}`,
      orgIds: wrong,
    });
  }

  const upward = upwardKinds.includes(input.kind) || input.mainIds.some((id) => directions.get(id) === 'up');
  if (upward) {
    if (input.mainIds.length > 1) {
      problems.push({
        code: 'documents.upward_single_main',
        message: `上行文原则上只主送一个上级机关，现有 ${input.mainIds.length} 个：${list(input.mainIds)}；其他机关可抄送`,
        orgIds: input.mainIds,
      });
    }
    const subordinates = input.copyIds.filter((id) => directions.get(id) === 'down');
    if (subordinates.length) {
      problems.push({ code: 'documents.upward_copy_subordinate', message: `上行文不得抄送下级机关：${list(subordinates)}`, orgIds: subordinates });
    }
    if (input.stage === 'sign_off' && !(input.signers ?? []).some((s) => s.trim())) {
      problems.push({ code: 'documents.upward_signer_missing', message: '上行文须标注签发人姓名' });
    }
  }

  const addressed = new Set([...input.mainIds, ...input.copyIds]);
  for (const id of input.mainIds) {
    const direction = directions.get(id)!;
    if (direction === 'parallel') continue;
    // Listed from the issuer outwards: the nearest skipped level first.
    const levels = direction === 'up' ? await graph.skippedLevels(input.issuerId, id) : (await graph.skippedLevels(id, input.issuerId)).reverse();
    const missing = levels.filter((level) => !level.some((org) => addressed.has(org)));
    if (missing.length) {
      for (const [orgId, node] of await graph.nodes(missing.flat())) names.set(orgId, node);
      const skipped = missing.map((level) => level.map(nameOf).join('或'));
      problems.push({
        code: 'documents.skipped_level',
        message: `主送${nameOf(id)}越过了${skipped.join('、')}；确需越级行文的，须同时抄送被越过的机关`,
        orgIds: missing.flat(),
      });
    }
  }

  if (input.kind === 'request') {
    const { titleMatters, requestParagraphs } = requestMatters(input.title, input.bodyHtml);
    if (titleMatters > 1 || requestParagraphs > 1) {
      problems.push({
        code: 'documents.request_several_matters',
        message:
          titleMatters > 1
            ? `请示应当一文一事：标题含 ${titleMatters} 个“关于”事项，请分别行文`
            : `请示应当一文一事：正文有 ${requestParagraphs} 处请求批准的事项，请分别行文`,
      });
    }
  }
  if (input.kind === 'report' && bodyBlocks(input.bodyHtml).some((b) => REQUEST_PHRASE.test(b.text))) {
    problems.push({ code: 'documents.report_contains_request', message: '报告中不得夹带请示事项；需要批准的事项请另行请示' });
  }
  return problems;
}

/** Throws the first problem's code, with every problem in `details.problems`. */
export function assertRules(problems: readonly RuleProblem[]): void {
  const first = problems[0];
  if (!first) return;
  throw new AppError(first.code, {
    message: problems.length > 1 ? `${first.message}（另有 ${problems.length - 1} 处不符合行文规则）` : first.message,
    details: { problems: problems.map((p) => ({ code: p.code, message: p.message, orgIds: p.orgIds ?? [] })) },
  });
}
