import type { Actor } from '../../../platform/actor.js';
import { definePolicy, holdsAnyRole, holdsRole, type OrgPath } from '../../../platform/policy/index.js';
import type { ArticleStatus, ColumnCategory } from '../../../../shared/portal.js';

/** A site as the policies judge it: the materialised path of the organisation that owns it. */
export interface SiteScope {
  readonly orgPath: OrgPath;
}

/**
 * A site of the group. The 信息化办公室 (`it_office`) holding a grant over the owning organisation
 * manages the site's settings; the organisation's editors and reviewers read it; its editors keep
 * the column tree and write articles. Anyone else is told the site does not exist.
 */
export const sitePolicy = definePolicy(
  'portal-site',
  {
    read: (actor, site: SiteScope) => holdsAnyRole(actor, ['editor', 'reviewer', 'it_office'], site.orgPath),
    update: (actor, site: SiteScope) => holdsRole(actor, 'it_office', site.orgPath),
    manageColumns: (actor, site: SiteScope) => holdsRole(actor, 'editor', site.orgPath),
    writeArticles: (actor, site: SiteScope) => holdsRole(actor, 'editor', site.orgPath),
  },
  { conceal: { unless: 'read', as: 'portal.site_not_found' } },
);
export const siteActions = sitePolicy.actions;

/** Making a site for an organisation: the 信息化办公室 over it. */
export const siteCreationPolicy = definePolicy('portal-site-creation', {
  create: (actor, org: { readonly orgPath: OrgPath }) => holdsRole(actor, 'it_office', org.orgPath),
});

/** An article as the policy judges it. */
export interface ArticleScope {
  readonly orgPath: OrgPath;
  readonly status: ArticleStatus;
  /** Everyone who wrote a version of it: none of them may review it. */
  readonly authors: readonly string[];
  readonly category: ColumnCategory;
}

const isPolicyColumn = (category: ColumnCategory) => category === 'notice' || category === 'disclosure';
const isAuthor = (actor: Actor, article: ArticleScope) => article.authors.includes(actor.userId);
const editorOf = (actor: Actor, article: ArticleScope) => holdsRole(actor, 'editor', article.orgPath);
const reviewerOf = (actor: Actor, article: ArticleScope) => holdsRole(actor, 'reviewer', article.orgPath);
const editable = (article: ArticleScope) => article.status === 'draft' || article.status === 'rejected';

/**
 * An article. The site organisation's editors write it while it is a draft or sent back, and submit
 * it; a reviewer of the organisation who wrote no version of it (second-person review) approves —
 * publishing now or at a time — or rejects it, also while it waits for its scheduled time; an editor
 * or reviewer withdraws a published article and marks a policy's validity.
 */
export const articlePolicy = definePolicy(
  'portal-article',
  {
    read: (actor, article: ArticleScope) => holdsAnyRole(actor, ['editor', 'reviewer'], article.orgPath),
    edit: (actor, article: ArticleScope) => editable(article) && editorOf(actor, article),
    submit: (actor, article: ArticleScope) => editable(article) && editorOf(actor, article),
    approve: (actor, article: ArticleScope) => article.status === 'submitted' && reviewerOf(actor, article) && !isAuthor(actor, article),
    reject: (actor, article: ArticleScope) =>
      (article.status === 'submitted' || article.status === 'scheduled') && reviewerOf(actor, article) && !isAuthor(actor, article),
    withdraw: (actor, article: ArticleScope) => article.status === 'published' && (editorOf(actor, article) || reviewerOf(actor, article)),
    markValidity: (actor, article: ArticleScope) =>
      article.status === 'published' && isPolicyColumn(article.category) && (editorOf(actor, article) || reviewerOf(actor, article)),
  },
  { conceal: { unless: 'read', as: 'portal.article_not_found' } },
);
export const articleActionKeys = articlePolicy.actions;
export type ArticlePolicyAction = (typeof articlePolicy.actions)[number];

/** The roles that may ever take each action (before its state is judged). */
export const actionRoles: Readonly<Record<ArticlePolicyAction, readonly string[]>> = {
  read: ['editor', 'reviewer'],
  edit: ['editor'],
  submit: ['editor'],
  approve: ['reviewer'],
  reject: ['reviewer'],
  withdraw: ['editor', 'reviewer'],
  markValidity: ['editor', 'reviewer'],
};
