import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import { seedOrgs } from '../../orgs/index.js';
import { siteRepository as repo } from './site.repository.js';
import { siteFactory } from './site.testing.js';

describeEachDialect('site repository: article page queries', (database) => {
  let siteId: string;
  const serials = {} as Record<string, number>;
  const ids = {} as Record<string, string>;

  beforeAll(async () => {
    const db = database().db;
    await seedOrgs({ db, clock: new FixedClock('2026-03-10T02:00:00.000Z') });
    const org = await db.selectFrom('orgs').select('id').where('code', '=', '152200').executeTakeFirstOrThrow();
    const make = siteFactory(db, org.id);
    siteId = await make.site({ code: 'main', prefix: '' });
    const column = (await make.column(siteId, { slug: 'policy', nameZh: '政策文件' })).id;
    const add = async (name: string, input: Parameters<typeof make.article>[2]) => {
      const row = await make.article(siteId, column, input);
      ids[name] = row.id;
      serials[name] = row.serial;
    };
    await add('plain', { title: '普通文章' });
    await add('attached', { title: '带附件的文章' });
    const fileId = newId();
    await db
      .insertInto('files')
      .values({ id: fileId, sha256: 'a'.repeat(64), size: 1234, media_type: 'application/pdf', original_name: '附件.pdf', safe_name: '附件.pdf', created_at: '2026-03-01T00:00:00.000Z', created_by: null })
      .execute();
    await db
      .insertInto('portal_article_attachments')
      .values({ id: newId(), article_id: ids.attached!, file_id: fileId, title: '附件一', position: 0, created_at: '2026-03-01T00:00:00.000Z' })
      .execute();
    await add('policy', { title: '实施意见' });
    await add('policyMn', { title: 'ᠲᠣᠭᠲᠠᠭᠠᠯ', lang: 'mn-Mong', translation_of: ids.policy! });
    await add('reading', { title: '图解', interprets_id: ids.policy! });
    await add('lonely', { title: '只有撤稿译本的文章' });
    await add('lonelyMn', { title: 'ᠪᠢᠴᠢᠭ', lang: 'mn-Mong', translation_of: ids.lonely!, status: 'withdrawn', withdrawn_at: '2026-03-03T00:00:00.000Z', withdraw_reason: '有误' });
  });

  const flags = async (name: string) => {
    const row = await repo.articleBySerial(database().db, siteId, serials[name]!);
    return { title: row?.title, has_attachments: row?.has_attachments, has_links: row?.has_links };
  };

  it('says with the article whether it has attachments and published versions or 解读', async () => {
    expect(await flags('plain')).toEqual({ title: '普通文章', has_attachments: false, has_links: false });
    expect(await flags('attached')).toEqual({ title: '带附件的文章', has_attachments: true, has_links: false });
    expect(await flags('policy')).toEqual({ title: '实施意见', has_attachments: false, has_links: true });
    // A withdrawn translation is not linked from the page.
    expect(await flags('lonely')).toEqual({ title: '只有撤稿译本的文章', has_attachments: false, has_links: false });
    // A translation or a 解读 itself has no one linking to it; its page still asks for its original or policy.
    expect(await flags('reading')).toEqual({ title: '图解', has_attachments: false, has_links: false });
    expect(await repo.articleBySerial(database().db, siteId, 999)).toBeUndefined();
  });

  it('finds versions, 解读 and the interpreted policy in one query (published only)', async () => {
    const db = database().db;
    const ofPolicy = await repo.related(db, ids.policy!, ids.policy!, null);
    expect(ofPolicy.map((r) => r.title).sort()).toEqual(['ᠲᠣᠭᠲᠠᠭᠠᠯ', '图解', '实施意见'].sort());
    const ofReading = await repo.related(db, ids.reading!, ids.reading!, ids.policy!);
    // The page's own row comes too (it is its own original); the policy comes with its column path.
    expect(ofReading.map((r) => `${r.title}@${r.column_path}`).sort()).toEqual(['图解@policy', '实施意见@policy'].sort());
    const ofLonely = await repo.related(db, ids.lonely!, ids.lonely!, null);
    expect(ofLonely.map((r) => r.title)).toEqual(['只有撤稿译本的文章']);
  });
});
