import { describe, expect, it } from 'vitest';
import { importColumns, parseOrgCsv } from './org.import.js';

const header = importColumns.join(',');

describe('parseOrgCsv', () => {
  it('reads rows with optional columns, ; separated prefixes and NFC names', () => {
    const { rows, problems } = parseOrgCsv(
      `${header}\n440000000000,,region,440000,广东省,,Guangdong,粤,粤府发;粤府函,\n440100000000,440000000000,city,440100,广州市,,,,,\n`,
    );
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ line: 2, ref: '440000000000', parentRef: null, docPrefixes: ['粤府发', '粤府函'] });
    expect(rows[1]).toMatchObject({ line: 3, parentRef: '440000000000', kind: 'city', nameMn: null });
  });

  it('reports every bad row with its line number and returns no rows', () => {
    const { rows, problems } = parseOrgCsv(
      [
        header,
        'a,,region,,甲,,,,,',
        'b,a,planet,,乙,,,,,',
        'c,a,department,12345,丙,,,,,',
        'a,,region,,重复,,,,,',
        'd,a,department,,,,,,,',
        'e,a,department,,戊,,,,,91350100M000100Y44',
      ].join('\n'),
    );
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(problems.find((p) => p.line === 3)?.message).toMatch(/kind/);
    expect(problems.find((p) => p.line === 4)?.message).toMatch(/区划代码/);
    expect(problems.find((p) => p.line === 5)?.message).toMatch(/与第 2 行重复/);
    expect(problems.find((p) => p.line === 6)?.message).toMatch(/name_zh/);
    expect(problems.find((p) => p.line === 7)?.message).toMatch(/统一社会信用代码/);
  });

  it('counts lines of quoted fields that span lines', () => {
    const { problems } = parseOrgCsv(`${header}\na,,region,,"甲\n乙",,,,,\nb,a,nope,,丙,,,,,\n`);
    expect(problems).toEqual([{ line: 4, message: expect.stringMatching(/kind/) }]);
  });

  it('rejects a file with missing or unknown columns, and a broken quote', () => {
    expect(parseOrgCsv('ref,name_zh\na,甲').problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/缺少列/) });
    expect(parseOrgCsv(`${header},extra\n`).problems[0]?.message).toMatch(/未知的列：extra/);
    expect(parseOrgCsv(`${header}\na,,region,,"甲,,,,,\n`).problems[0]?.message).toMatch(/CSV 格式错误/);
    expect(parseOrgCsv(`${header}\n`).problems[0]?.message).toMatch(/没有数据行/);
  });
});
