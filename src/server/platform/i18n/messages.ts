import type { Locale } from '../errors/app-error.js';

export type { Locale } from '../errors/app-error.js';

/** Values for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * One module's catalogs. Chinese is the reference and holds every key; Mongolian and English may
 * leave keys out and then fall back to Chinese. A key only Mongolian or English has is a mistake.
 */
export interface CatalogInput<K extends string> {
  readonly 'zh-CN': Readonly<Record<K, string>>;
  readonly 'mn-Mong'?: Readonly<Partial<Record<NoInfer<K>, string>>>;
  readonly en?: Readonly<Partial<Record<NoInfer<K>, string>>>;
}

/** A message in the language it was found in; `locale` differs from the one asked for on fallback. */
export interface Resolved {
  readonly text: string;
  readonly locale: Locale;
}

export interface Messages<K extends string> {
  readonly keys: readonly K[];
  /** The message for `key` in `locale` (or Chinese), with `{name}` placeholders filled in. */
  t(locale: Locale, key: K, params?: MessageParams): string;
  /** Like `t`, but says which language the text is in, so a view can mark a fallback with `lang`. */
  resolve(locale: Locale, key: K, params?: MessageParams): Resolved;
  /** Keys a catalog lacks and shows in Chinese instead. */
  missing(locale: Exclude<Locale, 'zh-CN'>): K[];
}

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

const registry = new Map<string, { readonly owner: Messages<string>; readonly zh: string }>();

const placeholder = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; a placeholder without a value stays as written. */
export function interpolate(text: string, params?: MessageParams): string {
  if (!params || !text.includes('{')) return text;
  return text.replace(placeholder, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Declares a module's messages. Keys are global (prefix them with the module, e.g. `portal.nav.home`):
 * a key defined twice with different Chinese text, or present in Mongolian/English but not in
 * Chinese, throws when the module is imported, so such a catalog cannot ship.
 */
export function defineMessages<const K extends string>(catalogs: CatalogInput<K>): Messages<K> {
  const zh: Readonly<Record<string, string>> = catalogs['zh-CN'];
  const others = { 'mn-Mong': catalogs['mn-Mong'] ?? {}, en: catalogs.en ?? {} } as Record<
    Exclude<Locale, 'zh-CN'>,
    Readonly<Record<string, string | undefined>>
  >;
  for (const [locale, catalog] of Object.entries(others)) {
    const extra = Object.keys(catalog).filter((key) => !(key in zh));
    if (extra.length) throw new CatalogError(`${locale} has keys zh-CN lacks: ${extra.join(', ')}`);
  }
  const keys = Object.keys(zh) as K[];

  const messages: Messages<K> = {
    keys,
    resolve(locale, key, params) {
      const own = locale === 'zh-CN' ? undefined : others[locale][key];
      if (own !== undefined) return { text: interpolate(own, params), locale };
      const text = zh[key];
      if (text === undefined) throw new CatalogError(`no message ${key}`);
      return { text: interpolate(text, params), locale: 'zh-CN' };
    },
    t(locale, key, params) {
      return messages.resolve(locale, key, params).text;
    },
    missing(locale) {
      return keys.filter((key) => others[locale][key] === undefined);
    },
  };

  const twice = keys.filter((key) => registry.has(key) && registry.get(key)!.zh !== zh[key]);
  if (twice.length) throw new CatalogError(`messages defined twice: ${twice.join(', ')}`);
  for (const key of keys) registry.set(key, { owner: messages as Messages<string>, zh: zh[key]! });
  return messages;
}

/**
 * Any registered message by key, for code that does not hold the module's `Messages` object.
 * An unknown key answers itself, so a missing message shows up on the page instead of failing it.
 */
export function t(locale: Locale, key: string, params?: MessageParams): string {
  const entry = registry.get(key);
  return entry ? entry.owner.t(locale, key, params) : key;
}

/** Every key registered so far, sorted; for tests and tooling. */
export function registeredMessageKeys(): string[] {
  return [...registry.keys()].sort();
}
