import type { Role } from '../../../shared/roles.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import { identityRepository as repo } from './identity.repository.js';
import { hashPassword } from './password.js';

/** The published password of every demo account. Demo accounts are refused in production. */
export const demoPassword = 'Hinggan@2026';

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  /** Ref of the account's organisation in the Hinggan seed. */
  readonly orgRef: string;
  readonly roles: readonly { role: Role; orgRef?: string; scope?: 'org' | 'subtree' }[];
  readonly description: string;
}

const league = '152200000000';
const xsh = `${league}.xsh`;

/** The demo accounts the README lists; each shows one kind of user. */
export const demoAccounts: readonly DemoAccount[] = [
  { username: 'sysadmin', displayName: '系统管理员', orgRef: `${xsh}.xxhb`, roles: [{ role: 'sysadmin', orgRef: league, scope: 'subtree' }], description: '账号、角色和组织机构管理' },
  { username: 'secadmin', displayName: '安全管理员', orgRef: `${xsh}.xxhb`, roles: [{ role: 'secadmin', orgRef: league, scope: 'subtree' }], description: '安全策略与证书' },
  { username: 'auditor', displayName: '审计管理员', orgRef: `${xsh}.xxhb`, roles: [{ role: 'auditor', orgRef: league, scope: 'subtree' }], description: '审计日志查阅与核验' },
  { username: 'xsh.clerk', displayName: '王文秘', orgRef: `${xsh}.bgs`, roles: [{ role: 'clerk' }], description: '行署办公室文秘：拟稿、登记、收文' },
  { username: 'xsh.leader', displayName: '李盟长', orgRef: xsh, roles: [{ role: 'leader' }], description: '行署领导：审核、签发、批示' },
  { username: 'fgw.clerk', displayName: '赵文秘', orgRef: `${xsh}.fgw`, roles: [{ role: 'clerk' }], description: '盟发改委文秘' },
  { username: 'ulh.clerk', displayName: '陈文秘', orgRef: '152201000000.gov', roles: [{ role: 'clerk' }], description: '乌兰浩特市人民政府文秘' },
  { username: 'portal.editor', displayName: '刘编辑', orgRef: `${xsh}.bgs`, roles: [{ role: 'editor' }], description: '门户网站编辑' },
  { username: 'portal.reviewer', displayName: '孙审核', orgRef: `${xsh}.bgs`, roles: [{ role: 'reviewer' }], description: '门户网站审核' },
];

/** Writes the demo accounts unless any user exists; returns what to print at first start. */
export async function seedDemoAccounts(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<string[]> {
  const { db, clock } = ctx;
  if ((await repo.countUsers(db)) > 0) return [];
  const orgs = createOrgService(ctx);
  const passwordHash = await hashPassword(demoPassword);
  const now = clock.now().toISOString();
  const lines: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const account of demoAccounts) {
      const org = await orgs.get(account.orgRef, trx);
      const grants = await Promise.all(
        account.roles.map(async (r) => ({
          role: r.role,
          org_id: r.orgRef ? (await orgs.get(r.orgRef, trx)).id : org.id,
          scope: r.scope ?? ('org' as const),
        })),
      );
      await repo.insertUser(
        trx,
        {
          id: newId(),
          username: account.username,
          display_name: account.displayName,
          org_id: org.id,
          password_hash: passwordHash,
          status: 'active',
          is_demo: 1,
          created_at: now,
          updated_at: now,
        },
        grants,
      );
      lines.push(`  ${account.username.padEnd(16)} ${org.nameZh} · ${account.description}`);
    }
  });
  return [`演示账号（密码均为 ${demoPassword}）：`, ...lines];
}
