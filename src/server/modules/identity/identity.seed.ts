import { randomInt } from 'node:crypto';
import type { Role } from '../../../shared/roles.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import { identityRepository as repo } from './identity.repository.js';
import { fieldCipher } from '../../platform/sealed-data/index.js';
import { hashPassword } from './password.js';
import { sealPersonalData } from './personal-data.js';

/** The published password of every demo account. Demo accounts are refused in production. */
export const demoPassword = 'Hinggan@2026';

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  /** Ref of the account's organisation in the Hinggan seed. */
  readonly orgRef: string;
  readonly roles: readonly { role: Role; orgRef?: string; scope?: 'org' | 'subtree' }[];
  readonly description: string;
  /** Made-up personal data (valid check digits), stored SM4-encrypted like real accounts'. */
  readonly personal?: { readonly idNumber: string; readonly phone: string };
}

const league = '152200000000';
const xsh = `${league}.xsh`;

/** The demo accounts the README lists; each shows one kind of user. */
export const demoAccounts: readonly DemoAccount[] = [
  { username: 'sysadmin', displayName: '系统管理员', orgRef: `${xsh}.xxhb`, roles: [{ role: 'sysadmin', orgRef: league, scope: 'subtree' }], description: '账号、角色和组织机构管理' },
  { username: 'secadmin', displayName: '安全管理员', orgRef: `${xsh}.xxhb`, roles: [{ role: 'secadmin', orgRef: league, scope: 'subtree' }], description: '安全策略与证书' },
  { username: 'auditor', displayName: '审计管理员', orgRef: `${xsh}.xxhb`, roles: [{ role: 'auditor', orgRef: league, scope: 'subtree' }], description: '审计日志查阅与核验' },
  { username: 'xsh.clerk', displayName: '王文秘', orgRef: `${xsh}.bgs`, roles: [{ role: 'clerk' }], description: '行署办公室文秘：拟稿、登记、收文', personal: { idNumber: '152201198503121022', phone: '13800482001' } },
  { username: 'xsh.leader', displayName: '李盟长', orgRef: xsh, roles: [{ role: 'leader' }], description: '行署领导：审核、签发、批示', personal: { idNumber: '152201197806192018', phone: '13800482002' } },
  { username: 'fgw.clerk', displayName: '赵文秘', orgRef: `${xsh}.fgw`, roles: [{ role: 'clerk' }], description: '盟发改委文秘', personal: { idNumber: '152202199001083012', phone: '13800482003' } },
  { username: 'ulh.clerk', displayName: '陈文秘', orgRef: '152201000000.gov', roles: [{ role: 'clerk' }], description: '乌兰浩特市人民政府文秘', personal: { idNumber: '152201198811224023', phone: '13800482004' } },
  { username: 'fgw.leader', displayName: '孟主任', orgRef: `${xsh}.fgw`, roles: [{ role: 'leader' }], description: '盟发改委主任：核稿、签发、批办', personal: { idNumber: '152201198007143011', phone: '13800482005' } },
  { username: 'ulh.mayor', displayName: '张市长', orgRef: '152201000000.gov', roles: [{ role: 'leader' }], description: '乌兰浩特市人民政府领导：签发、批办、阅件', personal: { idNumber: '152201197903252027', phone: '13800482006' } },
  { username: 'portal.editor', displayName: '刘编辑', orgRef: `${xsh}.bgs`, roles: [{ role: 'editor' }], description: '门户网站编辑' },
  { username: 'portal.reviewer', displayName: '孙审核', orgRef: `${xsh}.bgs`, roles: [{ role: 'reviewer' }], description: '门户网站审核' },
  { username: 'xsh.officer', displayName: '周专员', orgRef: `${xsh}.bgs`, roles: [{ role: 'officer' }], description: '行署办公室政府信息公开专员：办理依申请公开' },
  { username: 'fgw.editor', displayName: '周编辑', orgRef: `${xsh}.fgw`, roles: [{ role: 'editor' }], description: '发改委网站栏目编辑' },
  { username: 'fgw.reviewer', displayName: '吴审核', orgRef: `${xsh}.fgw`, roles: [{ role: 'reviewer' }], description: '发改委网站栏目审核' },
  { username: 'aes.editor', displayName: '包编辑', orgRef: '152202000000.gov', roles: [{ role: 'editor' }], description: '阿尔山市政府网站编辑' },
  { username: 'aes.reviewer', displayName: '白审核', orgRef: '152202000000.gov', roles: [{ role: 'reviewer' }], description: '阿尔山市政府网站审核' },
  { username: 'tour.editor', displayName: '韩编辑', orgRef: `${xsh}.wlj`, roles: [{ role: 'editor' }], description: '旅游信息网编辑（文旅体育局）' },
  { username: 'tour.reviewer', displayName: '乌审核', orgRef: `${xsh}.wlj`, roles: [{ role: 'reviewer' }], description: '旅游信息网审核（文旅体育局）' },
  { username: 'zwsj.officer', displayName: '何专员', orgRef: `${xsh}.zwsj`, roles: [{ role: 'officer' }], description: '盟行政审批政务服务与数据管理局窗口：维护政务服务事项和办事指南' },
  { username: 'it.office', displayName: '高主任', orgRef: `${xsh}.xxhb`, roles: [{ role: 'it_office', orgRef: league, scope: 'subtree' }], description: '信息化办公室：网站群管理与监管' },
];

/** Writes the demo accounts unless any user exists; returns what to print at first start. */
export async function seedDemoAccounts(ctx: Pick<AppContext, 'db' | 'clock' | 'keys'>): Promise<string[]> {
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
      const id = newId();
      await repo.insertUser(
        trx,
        {
          id,
          username: account.username,
          display_name: account.displayName,
          org_id: org.id,
          password_hash: passwordHash,
          status: 'active',
          is_demo: 1,
          password_changed_at: now,
          ...(account.personal ? sealPersonalData(fieldCipher(ctx.keys), id, account.personal) : {}),
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

/** The three separated administrators (三员分立) a production start creates, and nothing else. */
export const productionAdmins = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditor' },
] as const satisfies readonly { username: string; displayName: string; role: Role }[];

const passwordAlphabets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '@#%+=!?'] as const;

/** 20 characters from a CSPRNG with every character class present (meets any policy up to 20). */
export function oneTimePassword(length = 20): string {
  const all = passwordAlphabets.join('');
  const chars = passwordAlphabets.map((a) => a[randomInt(a.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/**
 * The deployment's own top organisation: down from the root while there is a single child
 * (内蒙古自治区 → 兴安盟 for the Hinggan seed). The administrators sit there, with its subtree.
 */
async function deploymentOrg(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<{ id: string; nameZh: string }> {
  const orgs = createOrgService(ctx);
  let node = (await orgs.tree({ depth: 1 }))[0];
  if (!node) throw new Error('生产环境首次启动需要先导入组织机构');
  while (node.children.length === 1) node = (await orgs.tree({ rootKey: node.children[0]!.id, depth: 1 }))[0]!;
  return node;
}

/**
 * A production start on an empty database: only the three administrators, each with a random
 * one-time password (returned once, for printing) that must be changed, and a second factor that
 * must be enrolled, before the first session.
 */
export async function seedProductionAdmins(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<string[]> {
  const { db, clock } = ctx;
  if ((await repo.countUsers(db)) > 0) return [];
  const org = await deploymentOrg(ctx);
  const now = clock.now().toISOString();
  const lines = ['生产环境管理员（一次性密码只显示这一次；首次登录须修改密码并绑定动态口令）：'];
  const accounts = await Promise.all(productionAdmins.map(async (a) => ({ ...a, password: oneTimePassword() })));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  await db.transaction().execute(async (trx) => {
    for (const [i, account] of accounts.entries()) {
      await repo.insertUser(
        trx,
        {
          id: newId(),
          username: account.username,
          display_name: account.displayName,
          org_id: org.id,
          password_hash: hashes[i]!,
          status: 'active',
          is_demo: 0,
          must_change_password: 1,
          must_enrol_second_factor: 1,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        },
        [{ role: account.role, org_id: org.id, scope: 'subtree' }],
      );
      lines.push(`  ${account.username.padEnd(10)} ${account.password}  ${account.displayName} · ${org.nameZh}`);
    }
  });
  return lines;
}
