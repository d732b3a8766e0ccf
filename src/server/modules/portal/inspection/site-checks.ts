import { access } from 'node:fs/promises';
import type { Db } from '../../../db/database.js';
import type { FileStore } from '../../../platform/files/index.js';
import { sitePaths } from './indicators.js';
import { inspectionRepository as repo, type SiteRow } from './inspection.repository.js';
import type { Finding, PageProbe } from './inspection.schema.js';
import { classifyLink, extractLinks, type LinkWorld } from './links.js';
import type { PageFetch } from './probe.js';
import { workbenchLinks as wb } from './workbench-links.js';

const pageSize = 200;

/** Whether a file of the store is there: its row and its blob on disk. */
export function fileChecker(db: Db, files: FileStore): (fileId: string) => Promise<boolean> {
  const known = new Map<string, Promise<boolean>>();
  return (fileId) => {
    let answer = known.get(fileId);
    if (!answer) {
      answer = files.find(db, fileId).then(async (file) => {
        if (!file) return false;
        return access(files.blobPath(file.sha256)).then(
          () => true,
          () => false,
        );
      });
      known.set(fileId, answer);
    }
    return answer;
  };
}

interface PendingLink {
  readonly article: { id: string; title: string };
  readonly href: string;
  readonly check: () => Promise<string | null>;
}

/**
 * The broken internal links in the site's published articles: links to our own paths that do not
 * resolve (unknown site, column or article serial, an article not or no longer published, a file
 * missing from the store). Links to other hosts are not followed.
 */
export async function brokenLinks(db: Db, site: SiteRow, world: LinkWorld, fileExists: (id: string) => Promise<boolean>): Promise<{ findings: Finding[]; checked: number }> {
  const columnsById = new Map([...(world.columns.get(site.id) ?? new Map<string, string>())].map(([path, id]) => [id, path]));
  const pending: PendingLink[] = [];
  const wanted = new Map<string, Set<number>>();
  const articles = new Map<string, Map<number, { status: string; columnId: string }>>();
  const missingPaths = new Set<string>();
  let redirects = new Set<string>();

  for (let after: string | null = null; ; ) {
    const page = await repo.publishedBodies(db, site.id, after, pageSize);
    for (const article of page) {
      const from = sitePaths.article(site, columnsById.get(article.columnId) ?? '', article.serial);
      for (const href of extractLinks(article.bodyHtml)) {
        const target = classifyLink(href, from, world);
        const ref = { id: article.id, title: article.title };
        if (target.kind === 'missing') {
          missingPaths.add(target.path);
          pending.push({ article: ref, href, check: async () => (redirects.has(target.path) ? null : target.reason) });
        } else if (target.kind === 'file') {
          pending.push({ article: ref, href, check: async () => ((await fileExists(target.fileId)) ? null : '文件已不在文件库中') });
        } else if (target.kind === 'article') {
          let serials = wanted.get(target.siteId);
          if (!serials) wanted.set(target.siteId, (serials = new Set()));
          serials.add(target.serial);
          pending.push({
            article: ref,
            href,
            check: async () => {
              const found = articles.get(target.siteId)?.get(target.serial);
              if (!found) return `文章（编号 ${target.serial}）不存在`;
              if (found.status === 'withdrawn') return '链接的文章已撤稿';
              if (found.status !== 'published') return '链接的文章尚未发布';
              if (world.columns.get(target.siteId)?.get(target.columnPath) !== found.columnId) return '链接的栏目与文章所在栏目不符';
              return null;
            },
          });
        }
      }
    }
    if (page.length < pageSize) break;
    after = page.at(-1)!.id;
  }

  for (const [siteId, serials] of wanted) {
    const rows = await repo.articlesBySerial(db, siteId, [...serials]);
    articles.set(siteId, new Map(rows.map((r) => [r.serial, { status: r.status, columnId: r.columnId }])));
  }
  redirects = await repo.redirectSources(db, [...missingPaths]);

  const findings: Finding[] = [];
  for (const link of pending) {
    const reason = await link.check();
    if (!reason) continue;
    findings.push({
      indicator: 'links',
      severity: 'warning',
      problem: `文章《${link.article.title}》中的链接 ${link.href} 不可用：${reason}`,
      fix: '修改或删除该链接',
      target: { type: 'link', id: link.article.id, name: link.href, url: link.href },
      workbenchPath: wb.article(link.article.id),
    });
  }
  return { findings, checked: pending.length };
}

/** Attachments of published articles whose file is missing from the store. */
export async function missingAttachments(db: Db, site: SiteRow, world: LinkWorld, fileExists: (id: string) => Promise<boolean>): Promise<{ findings: Finding[]; checked: number }> {
  const columnsById = new Map([...(world.columns.get(site.id) ?? new Map<string, string>())].map(([path, id]) => [id, path]));
  const attachments = await repo.publishedAttachments(db, site.id);
  const findings: Finding[] = [];
  for (const a of attachments) {
    if (await fileExists(a.fileId)) continue;
    findings.push({
      indicator: 'attachments',
      severity: 'warning',
      problem: `文章《${a.articleTitle}》的附件“${a.title}”的文件已丢失`,
      fix: '重新上传该附件，或从文章中删除',
      target: { type: 'attachment', id: a.id, name: a.title, url: sitePaths.article(site, columnsById.get(a.columnId) ?? '', a.serial) },
      workbenchPath: wb.article(a.articleId),
    });
  }
  return { findings, checked: attachments.length };
}

/** Opens the site's home, the list of the column with its newest article, and that article. */
export async function probePages(db: Db, site: SiteRow, world: LinkWorld, fetch: PageFetch): Promise<PageProbe[]> {
  const columnsById = new Map([...(world.columns.get(site.id) ?? new Map<string, string>())].map(([path, id]) => [id, path]));
  const targets: { page: PageProbe['page']; url: string }[] = [{ page: 'home', url: sitePaths.home(site) }];
  const newest = await repo.newestArticle(db, site.id);
  const columnPath = newest ? columnsById.get(newest.columnId) : [...columnsById.values()][0];
  if (columnPath !== undefined) targets.push({ page: 'list', url: sitePaths.column(site, columnPath) });
  if (newest && columnPath !== undefined) targets.push({ page: 'article', url: sitePaths.article(site, columnPath, newest.serial) });
  const probes: PageProbe[] = [];
  for (const target of targets) {
    const { status, ms } = await fetch(target.url);
    probes.push({ ...target, status, ms, ok: status !== null && status < 400 });
  }
  return probes;
}
