import type { AppContext, SeedOptions, SeedReport } from '../../../platform/module.js';
import { seedDemoArticles } from './demo.seed.js';
import { seedDemoSites } from './sites.seed.js';

/** The demo site group: the main portal, sub-sites, columns, articles, disclosure and interaction content. */
export async function seedPortalDemo(ctx: AppContext, options: SeedOptions): Promise<SeedReport | void> {
  if (options.profile !== 'demo') return;
  const lines = await seedDemoSites(ctx);
  const articles = await seedDemoArticles(ctx, options);
  if (articles && articles.published + articles.scheduled > 0) {
    lines.push(
      `演示文章：${articles.published} 篇已发布（其中蒙古文 ${articles.mongolian} 篇），${articles.scheduled} 篇定时发布，${articles.withdrawn} 篇已撤稿`,
    );
  }
  return { lines };
}

export { seedBulkArticles, type BulkArticleOptions, type BulkArticleResult } from './bulk-articles.js';
