import type { ComponentChild } from 'preact';
import type { Locale, MessageParams } from '../../../platform/i18n/messages.js';
import { portalMessages, type PortalMessageKey } from '../portal.messages.js';
import type { PortalOrg } from '../portal.service.js';

/**
 * A message for the page's language. When the catalog falls back to Chinese, the text is wrapped
 * in `<span lang="zh-CN">` so screen readers and fonts treat it as Chinese inside a Mongolian page.
 */
export function say(locale: Locale) {
  return (key: PortalMessageKey, params?: MessageParams): ComponentChild => {
    const found = portalMessages.resolve(locale, key, params);
    return found.locale === locale ? found.text : <span lang={found.locale}>{found.text}</span>;
  };
}

/** An organisation's name, Mongolian first where the registry has it (the regional bilingual rule). */
export function OrgName({ org, locale }: { org: PortalOrg; locale: Locale }) {
  const zh = locale === 'zh-CN' ? org.nameZh : <span lang="zh-CN">{org.nameZh}</span>;
  if (!org.nameMn) return <span class="org">{zh}</span>;
  return (
    <span class="org">
      <span lang="mn-Mong">{org.nameMn}</span>
      {zh}
    </span>
  );
}
