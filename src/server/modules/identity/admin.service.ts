import { isAdminRole, isRole, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import type { OrgService } from '../orgs/index.js';
import './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import type { UserRoleTable, UserRow } from './identity.table.js';
import { hashPassword } from './password.js';
import { passwordProblems, type SecurityPolicyService } from './security-policy.js';
import type { SessionService } from './session.service.js';
import type { TotpService } from './totp.service.js';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  status: 'active' | 'disabled';
  isDemo: boolean;
  mustChangePassword: boolean;
  secondFactor: boolean;
  roles: { role: string; orgId: string; scope: 'org' | 'subtree' }[];
  createdAt: string;
}

/**
 * 三员分立: each of the three administrator roles is exclusive. A holder of one admin role gets no
 * other role, a holder of business roles gets no admin role; so no one (least of all a 系统管理员
 * granting to himself) holds two of the three powers or reads business data as an administrator.
 */
export function roleConflict(held: readonly string[], granted: Role): boolean {
  const others = held.filter((r) => r !== granted);
  if (!others.length) return false;
  return isAdminRole(granted) || others.some(isAdminRole);
}

/** Account administration by the 系统管理员, within the organisations his grant covers. */
export function createAdminService(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  deps: { orgs: OrgService; policies: SecurityPolicyService; sessions: SessionService; totp: TotpService },
) {
  const { db, clock } = ctx;
  const { orgs, policies, sessions, totp } = deps;
  const now = () => clock.now().toISOString();

  /** Throws unless `orgKey` is an org the actor's sysadmin grant covers; returns its id. */
  async function inScope(actor: Actor, orgKey: string): Promise<string> {
    const org = await orgs.detail(orgKey);
    const lineage = new Set([org.id, ...org.ancestors.map((a) => a.id)]);
    const covered = actor.roles.some(
      (g) => g.role === 'sysadmin' && (g.orgId === org.id || (g.scope === 'subtree' && lineage.has(g.orgId))),
    );
    if (!covered) throw new AppError('identity.org_out_of_scope');
    return org.id;
  }

  async function userInScope(actor: Actor, userId: string): Promise<UserRow> {
    const user = await repo.findUserById(db, userId);
    if (!user) throw new AppError('identity.user_not_found');
    try {
      await inScope(actor, user.org_id);
    } catch {
      throw new AppError('identity.user_not_found'); // disclose nothing about users outside the scope
    }
    return user;
  }

  async function present(users: readonly UserRow[]): Promise<AdminUser[]> {
    const grants = await repo.rolesOfUsers(db, users.map((u) => u.id));
    const orgNames = new Map<string, string>();
    for (const orgId of new Set(users.map((u) => u.org_id))) orgNames.set(orgId, (await orgs.get(orgId)).nameZh);
    return Promise.all(
      users.map(async (u) => ({
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        orgId: u.org_id,
        orgName: orgNames.get(u.org_id)!,
        status: u.status,
        isDemo: u.is_demo === 1,
        mustChangePassword: u.must_change_password === 1,
        secondFactor: await totp.isEnrolled(u.id),
        roles: grants.filter((g) => g.user_id === u.id).map((g) => ({ role: g.role, orgId: g.org_id, scope: g.scope })),
        createdAt: u.created_at,
      })),
    );
  }

  return {
    async list(actor: Actor, filter: { q?: string; orgId?: string; page: number; pageSize: number }) {
      const orgId = filter.orgId ? await inScope(actor, filter.orgId) : undefined;
      const { rows, total } = await repo.listUsers(
        db,
        { q: filter.q, orgId },
        { offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize },
      );
      return { items: await present(rows), total, page: filter.page, pageSize: filter.pageSize };
    },

    async get(actor: Actor, userId: string): Promise<AdminUser> {
      return (await present([await userInScope(actor, userId)]))[0]!;
    },

    /** A new account that must set its own password at first sign-in. */
    async create(actor: Actor, input: { username: string; displayName: string; orgId: string; password: string }): Promise<AdminUser> {
      const orgId = await inScope(actor, input.orgId);
      const problems = passwordProblems(await policies.get(), input.password, input.username);
      if (problems.length) {
        throw new AppError('identity.password_policy', { fields: problems.map((message) => ({ path: 'password', message })) });
      }
      if (await repo.findUserByUsername(db, input.username)) throw new AppError('identity.username_taken');
      const id = newId();
      await repo.insertUser(
        db,
        {
          id,
          username: input.username,
          display_name: input.displayName,
          org_id: orgId,
          password_hash: await hashPassword(input.password),
          status: 'active',
          is_demo: 0,
          must_change_password: 1,
          password_changed_at: now(),
          created_at: now(),
          updated_at: now(),
        },
        [],
      );
      return this.get(actor, id);
    },

    /** Changes display name, organisation or status; disabling ends every session of the user. */
    async update(
      actor: Actor,
      userId: string,
      changes: { displayName?: string; orgId?: string; status?: 'active' | 'disabled' },
    ): Promise<AdminUser> {
      const user = await userInScope(actor, userId);
      const orgId = changes.orgId ? await inScope(actor, changes.orgId) : undefined;
      await repo.updateUser(db, user.id, {
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(orgId ? { org_id: orgId } : {}),
        ...(changes.status ? { status: changes.status } : {}),
        updated_at: now(),
      });
      if (changes.status === 'disabled') await sessions.endAll(user.id);
      return this.get(actor, user.id);
    },

    async grantRole(actor: Actor, userId: string, grant: { role: string; orgId: string; scope: 'org' | 'subtree' }): Promise<AdminUser> {
      if (!isRole(grant.role)) throw new AppError('identity.role_unknown');
      const user = await userInScope(actor, userId);
      const orgId = await inScope(actor, grant.orgId);
      const held = (await repo.rolesOf(db, user.id)).map((r) => r.role);
      if (roleConflict(held, grant.role)) {
        throw new AppError('identity.role_conflict', { details: { held, granted: grant.role } });
      }
      const row: UserRoleTable = { user_id: user.id, role: grant.role, org_id: orgId, scope: grant.scope };
      await repo.insertRole(db, row);
      return this.get(actor, user.id);
    },

    async revokeRole(actor: Actor, userId: string, role: string, orgKey: string): Promise<AdminUser> {
      const user = await userInScope(actor, userId);
      const orgId = (await orgs.get(orgKey)).id;
      if ((await repo.deleteRole(db, user.id, role, orgId)) === 0) throw new AppError('identity.grant_not_found');
      return this.get(actor, user.id);
    },

    async endSessions(actor: Actor, userId: string): Promise<number> {
      const user = await userInScope(actor, userId);
      return sessions.endAll(user.id);
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
