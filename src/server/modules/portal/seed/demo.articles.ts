import { aesArticles } from './demo.articles.aes.js';
import { fgwArticles } from './demo.articles.fgw.js';
import { mainArticles } from './demo.articles.main.js';
import { mongolianArticles } from './demo.articles.mn.js';
import { tourArticles } from './demo.articles.tour.js';
import type { DemoArticle } from './demo.text.js';

export type { DemoArticle, DemoSite, DemoWhen } from './demo.text.js';

/** Every demo article, Chinese originals before their Mongolian versions. */
export const demoArticles: readonly DemoArticle[] = [...mainArticles, ...fgwArticles, ...aesArticles, ...tourArticles, ...mongolianArticles];
