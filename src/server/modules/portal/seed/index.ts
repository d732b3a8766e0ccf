import type { AppContext, SeedOptions, SeedReport } from '../../../platform/module.js';
import { seedDemoDisclosure } from './demo.disclosure.js';
import { seedDemoInteraction } from './demo.interaction.js';
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
  const disclosure = await seedDemoDisclosure(ctx, options);
  if (disclosure && disclosure.texts + disclosure.entries + disclosure.requests > 0) {
    lines.push(`演示信息公开：指南和制度 ${disclosure.texts} 篇，目录 ${disclosure.entries} 条，依申请公开 ${disclosure.requests} 件`);
  }
  const interaction = await seedDemoInteraction(ctx, options);
  if (interaction && interaction.messages + interaction.surveys > 0) {
    lines.push(`演示互动交流：来信 ${interaction.messages} 件（公开 ${interaction.published} 件），调查征集 ${interaction.surveys} 个`);
  }
  return { lines };
}

export { seedBulkArticles, type BulkArticleOptions, type BulkArticleResult } from './bulk-articles.js';
