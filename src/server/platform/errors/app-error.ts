/**
 * Domain errors carry a stable code, never an HTTP status. One table (this registry) maps each code to
 * its status and its messages; modules add their own codes with `defineErrors` at import time.
 */
export type Locale = 'zh-CN' | 'mn-Mong' | 'en';

export interface ErrorDefinition {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
  readonly mn?: string;
}

const registry = new Map<string, ErrorDefinition>();

export function defineErrors<const T extends Record<string, ErrorDefinition>>(definitions: T): T {
  for (const [code, definition] of Object.entries(definitions)) {
    const existing = registry.get(code);
    if (existing && existing !== definition) throw new Error(`error code ${code} is defined twice`);
    registry.set(code, definition);
  }
  return definitions;
}

export const platformErrors = defineErrors({
  'request.invalid': { status: 400, zh: '请求参数不符合要求', en: 'The request is invalid' },
  'request.malformed_json': { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'request.empty_body': { status: 400, zh: '请求体不能为空', en: 'The request body is empty' },
  'request.too_large': { status: 413, zh: '请求体超过大小上限', en: 'The request body is too large' },
  'request.unsupported_media_type': {
    status: 415,
    zh: '不支持的内容类型，请使用 application/json',
    en: 'Unsupported content type; use application/json',
  },
  'request.rate_limited': { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  'route.not_found': { status: 404, zh: '请求的地址不存在', en: 'No such route' },
  'route.method_not_allowed': { status: 405, zh: '该地址不支持此请求方法', en: 'Method not allowed' },
  'auth.required': { status: 401, zh: '请先登录', en: 'Sign in first' },
  'auth.forbidden': { status: 403, zh: '没有执行此操作的权限', en: 'You may not do this' },
  'file.too_large': { status: 413, zh: '文件超过大小上限', en: 'The file is too large' },
  'file.type_not_allowed': { status: 415, zh: '不允许上传该类型的文件', en: 'This file type is not allowed' },
  'file.not_found': { status: 404, zh: '文件不存在', en: 'No such file' },
  'db.unavailable': { status: 503, zh: '数据库暂不可用，请稍后再试', en: 'The database is unavailable' },
  'db.conflict': { status: 409, zh: '数据已被修改或与现有记录冲突', en: 'The data conflicts with an existing record' },
  internal: { status: 500, zh: '服务器内部错误，请联系管理员并提供请求编号', en: 'Internal error' },
});

export interface FieldProblem {
  /** Dotted path of the field, e.g. `parent.code`; empty for the whole body. */
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly fields: readonly FieldProblem[] | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: string,
    options: { message?: string; fields?: FieldProblem[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    if (!registry.has(code)) throw new Error(`unknown error code ${code}: define it with defineErrors`);
    super(options.message ?? registry.get(code)!.zh, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return definitionOf(this.code).status;
  }
}

export function definitionOf(code: string): ErrorDefinition {
  return registry.get(code) ?? registry.get('internal')!;
}

/** The message for a code in a locale; Mongolian falls back to Chinese until translated. */
export function messageOf(code: string, locale: Locale = 'zh-CN'): string {
  const definition = definitionOf(code);
  if (locale === 'en') return definition.en;
  if (locale === 'mn-Mong') return definition.mn ?? definition.zh;
  return definition.zh;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function allErrorCodes(): string[] {
  return [...registry.keys()].sort();
}
