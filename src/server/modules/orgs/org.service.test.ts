import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../../platform/clock.js';
import { isAppError } from '../../platform/errors/app-error.js';
import { countyLevelKinds } from '../../../shared/orgs.js';
import { createOrgService, importColumns, parseOrgCsv, seedOrgs } from './index.js';

describeEachDialect('organisation registry', (database) => {
  const clock = new FixedClock('2026-11-27T08:00:00Z');
  const service = () => createOrgService({ db: database().db, clock });

  it('seeds Hinggan League once: region, league, bodies, departments, divisions', async () => {
    const first = await seedOrgs({ db: database().db, clock });
    expect(first[0]).toMatch(/组织机构/);
    expect(await seedOrgs({ db: database().db, clock })).toEqual([]);
    const counts = await service().countByKind();
    expect(counts.region).toBe(1);
    expect(counts.league).toBe(1);
    expect((counts.city ?? 0) + (counts.banner ?? 0) + (counts.county ?? 0)).toBe(6);
    expect(counts.department).toBeGreaterThanOrEqual(30);
    const townships = (counts.sumu ?? 0) + (counts.town ?? 0) + (counts.township ?? 0);
    expect(townships).toBeGreaterThanOrEqual(39);
    expect((counts.gacha ?? 0) + (counts.village ?? 0)).toBeGreaterThanOrEqual(848);
  });

  it('finds an org by id, ref or GB/T 2260 code, with its ancestors', async () => {
    const byCode = await service().detail('152223');
    expect(byCode.nameZh).toBe('扎赉特旗');
    expect(byCode.nameMn).toBe('ᠵᠠᠯᠠᠢᠳ ᠬᠣᠰᠢᠭᠤ');
    expect(byCode.ancestors.map((a) => a.nameZh)).toEqual(['内蒙古自治区', '兴安盟']);
    expect(byCode.childCount).toBeGreaterThan(5);
    expect((await service().detail(byCode.id)).ref).toBe('152223000000');
    await expect(service().detail('999999')).rejects.toMatchObject({ code: 'orgs.not_found' });
  });

  it('lists the league’s banners, counties and cities in registry order', async () => {
    const names = (await service().descendants('152200', countyLevelKinds)).map((o) => o.nameZh);
    expect(names).toEqual(['乌兰浩特市', '阿尔山市', '科尔沁右翼前旗', '科尔沁右翼中旗', '扎赉特旗', '突泉县']);
  });

  it('searches by partial name, short name and code, exact matches first', async () => {
    const results = await service().search('乌兰浩特', undefined, 5);
    expect(results[0]?.nameZh).toBe('乌兰浩特市');
    expect((await service().search('科右前旗', undefined, 5))[0]?.code).toBe('152221');
    expect((await service().search('152224', undefined, 5))[0]?.nameZh).toBe('突泉县');
    expect(await service().search('%', undefined, 5)).toHaveLength(5);
    const departments = await service().search('教育局', ['department'], 20);
    expect(departments.length).toBeGreaterThan(1);
    expect(departments.every((o) => o.kind === 'department')).toBe(true);
  });

  it('builds a tree limited in depth and filtered by kind', async () => {
    const [league] = await service().tree({ rootKey: '152200', depth: 1 });
    expect(league?.children.map((c) => c.nameZh)).toContain('兴安盟行政公署');
    expect(league?.children.every((c) => c.children.length === 0)).toBe(true);
    const [filtered] = await service().tree({ rootKey: '152200', depth: 2, kinds: ['department'] });
    const bodies = filtered!.children;
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.every((b) => b.kind === 'leading_body' && b.children.every((d) => d.kind === 'department'))).toBe(true);
  });

  it('imports another region’s tree, then updates it in place on re-import', async () => {
    const csv = [
      importColumns.join(','),
      '150700000000,150000000000,league,150700,呼伦贝尔市,,Hulunbuir,,呼政发,',
      '150700000000.gov,150700000000,leading_body,,呼伦贝尔市人民政府,,,,呼政发;呼政字,',
      '150702000000,150700000000,district,150702,海拉尔区,,,,,',
    ].join('\n');
    const parsed = parseOrgCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(await service().importRows(parsed.rows)).toEqual({ created: 3, updated: 0, total: 3 });
    const hailar = await service().detail('150702');
    expect(hailar.ancestors.map((a) => a.nameZh)).toEqual(['内蒙古自治区', '呼伦贝尔市']);

    const renamed = parseOrgCsv(csv.replace('海拉尔区', '海拉尔区（新）'));
    expect(await service().importRows(renamed.rows)).toEqual({ created: 0, updated: 3, total: 3 });
    expect((await service().get('150702')).nameZh).toBe('海拉尔区（新）');
  });

  it('imports nothing when one row refers to a missing parent or reuses a code', async () => {
    const before = await service().count();
    const parsed = parseOrgCsv(
      [
        importColumns.join(','),
        'x1,150000000000,league,,测试盟,,,,,',
        'x2,nowhere,department,,孤儿局,,,,,',
        'x3,x1,banner,152223,冒用代码旗,,,,,',
      ].join('\n'),
    );
    expect(parsed.problems).toEqual([]);
    const error = await service().importRows(parsed.rows).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('orgs.import_invalid');
    const problems = (error as { details: { problems: { line: number; message: string }[] } }).details.problems;
    expect(problems).toEqual([
      { line: 3, message: expect.stringMatching(/上级 nowhere 未找到/) },
      { line: 4, message: expect.stringMatching(/152223 已被 152223000000 使用/) },
    ]);
    expect(await service().count()).toBe(before);
    expect(await service().find('x1')).toBeUndefined();
  });
});
