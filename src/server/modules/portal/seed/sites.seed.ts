import type { ColumnCategory, SiteKind } from '../../../../shared/portal.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import { createOrgService } from '../../orgs/index.js';
import type { NewPortalColumnRow } from '../portal.table.js';

interface ColumnSeed {
  readonly slug: string;
  readonly zh: string;
  readonly mn: string;
  readonly category: ColumnCategory;
  readonly children?: readonly ColumnSeed[];
}

interface SiteSeed {
  readonly code: string;
  readonly orgRef: string;
  readonly parent: string | null;
  readonly kind: SiteKind;
  readonly zh: string;
  readonly mn: string;
  readonly pathPrefix: string;
  readonly hosts: readonly string[];
  readonly siteIdCode: string;
  readonly icp: string;
  readonly psb: string;
  readonly accent: string;
  readonly columns: readonly ColumnSeed[];
}

// Mongolian column names (traditional script): 新闻, 通知, 政策文件, 解读, 政府信息公开, 服务, 互动, 专栏.
const mn = {
  news: 'ᠰᠣᠨᠢᠨ ᠮᠡᠳᠡᠭᠡ',
  notice: 'ᠮᠡᠳᠡᠭᠳᠡᠯ',
  policy: 'ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠶᠢᠨ ᠪᠢᠴᠢᠭ',
  interpret: 'ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠢᠯᠪᠤᠷᠢ',
  disclosure: 'ᠵᠠᠰᠠᠭ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ',
  service: 'ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ',
  interaction: 'ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ',
  topic: 'ᠲᠤᠰᠬᠠᠢ ᠪᠠᠭᠠᠨ᠎ᠠ',
  tourism: 'ᠠᠶᠠᠯᠠᠯ ᠵᠢᠭᠤᠯᠴᠢᠯᠠᠯ',
  scenic: 'ᠦᠵᠡᠮᠵᠢ ᠶᠢᠨ ᠣᠷᠣᠨ',
} as const;

/** The columns every government site has (政府网站发展指引: 信息发布, 解读回应, 办事服务, 互动交流). */
const governmentColumns = (local: string): ColumnSeed[] => [
  {
    slug: 'news',
    zh: '要闻动态',
    mn: mn.news,
    category: 'news',
    children: [
      { slug: 'local', zh: `${local}要闻`, mn: mn.news, category: 'news' },
      { slug: 'departments', zh: '部门动态', mn: mn.news, category: 'news' },
    ],
  },
  { slug: 'notices', zh: '通知公告', mn: mn.notice, category: 'notice' },
  { slug: 'policies', zh: '政策文件', mn: mn.policy, category: 'notice' },
  { slug: 'interpretation', zh: '政策解读', mn: mn.interpret, category: 'notice' },
  { slug: 'xxgk', zh: '政府信息公开', mn: mn.disclosure, category: 'disclosure' },
  { slug: 'bsfw', zh: '办事服务', mn: mn.service, category: 'service' },
  { slug: 'hdjl', zh: '互动交流', mn: mn.interaction, category: 'interaction' },
  { slug: 'topics', zh: '专题专栏', mn: mn.topic, category: 'topic' },
];

const league = '152200000000';

/** The demo site group: the league's portal, the 发改委 section, the 阿尔山市 portal and the tourism site. */
export const demoSites: readonly SiteSeed[] = [
  {
    code: 'main',
    // The portal is run by the 行署办公室 (its editors and reviewers are the demo accounts portal.editor/portal.reviewer).
    orgRef: `${league}.xsh.bgs`,
    parent: null,
    kind: 'portal',
    zh: '兴安盟行政公署',
    mn: 'ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ',
    pathPrefix: '',
    hosts: ['www.hinggan.local'],
    siteIdCode: '1522000001',
    icp: '蒙ICP备05000001号-1',
    psb: '蒙公网安备 15220102000001号',
    accent: '#b71c1c',
    columns: governmentColumns('兴安'),
  },
  {
    code: 'fgw',
    orgRef: `${league}.xsh.fgw`,
    parent: 'main',
    kind: 'department',
    zh: '兴安盟发展和改革委员会',
    mn: 'ᠬᠦᠭᠵᠢᠯ ᠰᠢᠨᠡᠳᠭᠡᠯ ᠦᠨ ᠵᠥᠪᠯᠡᠯ',
    pathPrefix: '/fgw',
    hosts: [],
    siteIdCode: '1522000002',
    icp: '蒙ICP备05000001号-2',
    psb: '蒙公网安备 15220102000002号',
    accent: '#0d47a1',
    columns: [
      { slug: 'news', zh: '工作动态', mn: mn.news, category: 'news' },
      { slug: 'notices', zh: '通知公告', mn: mn.notice, category: 'notice' },
      { slug: 'policies', zh: '政策文件', mn: mn.policy, category: 'notice' },
      { slug: 'interpretation', zh: '政策解读', mn: mn.interpret, category: 'notice' },
      { slug: 'projects', zh: '重大项目', mn: mn.topic, category: 'topic' },
      { slug: 'xxgk', zh: '信息公开', mn: mn.disclosure, category: 'disclosure' },
    ],
  },
  {
    code: 'aes',
    orgRef: '152202000000.gov',
    parent: null,
    kind: 'county',
    zh: '阿尔山市人民政府',
    mn: 'ᠷᠠᠰᠢᠶᠠᠨ ᠬᠣᠲᠠ',
    pathPrefix: '/aes',
    hosts: ['aes.hinggan.local'],
    siteIdCode: '1522020001',
    icp: '蒙ICP备06000001号-1',
    psb: '蒙公网安备 15220202000001号',
    accent: '#1b5e20',
    columns: governmentColumns('阿尔山'),
  },
  {
    code: 'tour',
    orgRef: `${league}.xsh.wlj`,
    parent: null,
    kind: 'topic',
    zh: '兴安盟旅游信息网',
    mn: 'ᠬᠢᠩᠭᠠᠨ ᠠᠶᠠᠯᠠᠯ ᠵᠢᠭᠤᠯᠴᠢᠯᠠᠯ',
    pathPrefix: '/tour',
    hosts: ['tour.hinggan.local'],
    siteIdCode: '1522000003',
    icp: '蒙ICP备05000001号-3',
    psb: '蒙公网安备 15220102000003号',
    accent: '#00695c',
    columns: [
      { slug: 'news', zh: '旅游资讯', mn: mn.tourism, category: 'news' },
      {
        slug: 'scenic',
        zh: '景区景点',
        mn: mn.scenic,
        category: 'topic',
        children: [
          { slug: 'arxan', zh: '阿尔山国家森林公园', mn: mn.scenic, category: 'topic' },
          { slug: 'chaihe', zh: '柴河景区', mn: mn.scenic, category: 'topic' },
        ],
      },
      { slug: 'notices', zh: '游客须知', mn: mn.notice, category: 'notice' },
      { slug: 'guide', zh: '出行服务', mn: mn.service, category: 'service' },
      { slug: 'festivals', zh: '节庆活动', mn: mn.topic, category: 'topic' },
    ],
  },
];

/**
 * Writes the demo site group's structure (sites, host names, column trees) unless any site exists.
 * Returns what to print, or nothing when skipped.
 */
export async function seedDemoSites(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<string[]> {
  const { db, clock } = ctx;
  const existing = await db.selectFrom('portal_sites').select('id').limit(1).executeTakeFirst();
  if (existing) return [];
  const orgs = createOrgService(ctx);
  const now = clock.now().toISOString();
  const idOf = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const [position, site] of demoSites.entries()) {
      const org = await orgs.get(site.orgRef, trx);
      const id = newId();
      idOf.set(site.code, id);
      await trx
        .insertInto('portal_sites')
        .values({
          id,
          code: site.code,
          org_id: org.id,
          parent_site_id: site.parent ? idOf.get(site.parent)! : null,
          kind: site.kind,
          name_zh: site.zh,
          name_mn: site.mn,
          path_prefix: site.pathPrefix,
          site_id_code: site.siteIdCode,
          icp_number: site.icp,
          psb_number: site.psb,
          languages: JSON.stringify(['zh-CN', 'mn-Mong']),
          theme: JSON.stringify({ accent: site.accent }),
          position,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (site.hosts.length) await trx.insertInto('portal_site_hosts').values(site.hosts.map((host) => ({ host, site_id: id }))).execute();
      const rows: NewPortalColumnRow[] = [];
      const walk = (columns: readonly ColumnSeed[], parent: { id: string; path: string } | null) => {
        for (const [i, column] of columns.entries()) {
          const row = {
            id: newId(),
            site_id: id,
            parent_id: parent?.id ?? null,
            slug: column.slug,
            path: parent ? `${parent.path}/${column.slug}` : column.slug,
            name_zh: column.zh,
            name_mn: column.mn,
            category: column.category,
            position: i,
            description: null,
            created_at: now,
            updated_at: now,
          };
          rows.push(row);
          walk(column.children ?? [], row);
        }
      };
      walk(site.columns, null);
      await trx.insertInto('portal_columns').values(rows).execute();
    }
  });
  return [`门户网站群：${demoSites.map((s) => `${s.zh}（${s.pathPrefix || '/'}）`).join('、')}`];
}
