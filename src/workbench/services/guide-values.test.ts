import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { emptyGuide, guideOf, showGuideErrors, type GuideValues } from './guide-values.js';

const values = (changes: Partial<GuideValues>): GuideValues => ({ ...emptyGuide, name: ' 药品零售企业经营许可 ', code: 'abc-12345', kind: 'license', ...changes });

/** A form that only records what is put on its fields. */
function recordingForm() {
  const placed: { name: unknown; errors: string[] }[] = [];
  const form = { setFields: (fields: { name: unknown; errors?: string[] }[]) => placed.push(...fields.map((f) => ({ name: f.name, errors: f.errors ?? [] }))) };
  return { form: form as unknown as FormInstance<GuideValues>, placed };
}

describe('the guide the editor sends', () => {
  it('trims the texts and files the code in capitals', () => {
    expect(guideOf(values({}))).toMatchObject({ name: '药品零售企业经营许可', code: 'ABC-12345' });
  });

  it('promises 0 days for an 即办件, whatever was typed before', () => {
    expect(guideOf(values({ handlingType: 'instant', promisedDays: 5 })).promisedDays).toBe(0);
    expect(guideOf(values({ handlingType: 'promised', promisedDays: 5 })).promisedDays).toBe(5);
  });

  it('lets only a 公共服务 say the law sets no 法定时限', () => {
    expect(guideOf(values({ kind: 'public_service', noLegalLimit: true, legalDays: 20 })).legalDays).toBeNull();
    expect(guideOf(values({ kind: 'license', noLegalLimit: true, legalDays: 20 })).legalDays).toBe(20);
  });

  it('sends a parent and a 办理项类型 only where the level has them', () => {
    expect(guideOf(values({ level: 'main', parentId: 'p1', handlingKind: 'new' }))).toMatchObject({ parentId: null, handlingKind: null });
    expect(guideOf(values({ level: 'sub', parentId: 'p1', handlingKind: 'new' }))).toMatchObject({ parentId: 'p1', handlingKind: null });
    expect(guideOf(values({ level: 'handling', parentId: 'p1', handlingKind: 'change' }))).toMatchObject({ parentId: 'p1', handlingKind: 'change' });
  });
});

describe("the server's problems on the form", () => {
  it('puts schema errors on nested fields by their path', () => {
    const { form, placed } = recordingForm();
    const error = new ApiError('request.invalid', '请求参数不符合要求', [
      { path: 'body.materials.1.name', message: '材料名称不能为空' },
      { path: 'body.code', message: '事项编码为8至40位大写字母、数字或连字符' },
      { path: 'body.unknown', message: '不在表单上' },
    ]);
    expect(showGuideErrors(form, error)).toBe(true);
    expect(placed).toEqual([
      { name: ['materials', 1, 'name'], errors: ['材料名称不能为空'] },
      { name: ['code'], errors: ['事项编码为8至40位大写字母、数字或连字符'] },
    ]);
  });

  it('puts a rule refused by code under its field, and leaves other refusals to the caller', () => {
    const taken = recordingForm();
    expect(showGuideErrors(taken.form, new ApiError('services.code_taken', '该事项编码已被使用'))).toBe(true);
    expect(taken.placed).toEqual([{ name: ['code'], errors: ['该事项编码已被使用'] }]);
    const stale = recordingForm();
    expect(showGuideErrors(stale.form, new ApiError('services.changed_concurrently', '该事项已被他人修改，请刷新后重试'))).toBe(false);
    expect(showGuideErrors(stale.form, new Error('other'))).toBe(false);
  });
});
