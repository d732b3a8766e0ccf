import type { SessionInfo } from '../api/client.js';

/** The user's organisation with everything above it, e.g. 内蒙古自治区 / 兴安盟 / … / 兴安盟行政公署办公室. */
export function orgFullPath(org: SessionInfo['org']): string {
  const names = org.path.map((p) => p.nameZh);
  if (org.path.at(-1)?.id !== org.id) names.push(org.nameZh);
  return names.join(' / ');
}
