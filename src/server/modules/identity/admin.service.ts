import { isAdminRole, isRole, type Role } from '../../../shared/roles.js';
import type { Trx } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditContext, AuditEvent } from '../../platform/audit/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { allowedActions, authorize, can, grantsOf } from '../../platform/policy/index.js';
import type { OrgService } from '../orgs/index.js';
import './identity.audit.js';
import './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import type { UserRoleTable, UserRow } from './identity.table.js';
import { hashPassword } from './password.js';
import { fieldCipher } from '../../platform/sealed-data/index.js';
import { maskedPersonalData, openPersonalData, type PersonalData, personalLookup, sealPersonalData } from './personal-data.js';
import { passwordProblems, type SecondFactorMethod, type SecurityPolicyService } from './security-policy.js';
import type { CertificateFactorService } from './certificate-factor.service.js';
import { accountAdminPolicy, placementPolicy, userPolicy, type UserScope } from './user.policy.js';

type UserAction = (typeof userPolicy.actions)[number];

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  status: 'active' | 'disabled';
  isDemo: boolean;
  mustChangePassword: boolean;
  /** The second factors the account has enrolled. */
  secondFactors: SecondFactorMethod[];
  /** 身份证号 and mobile phone, masked (the full values only through `revealPersonalData`). */
  idNumberMasked: string | null;
  phoneMasked: string | null;
  roles: { role: string; orgId: string; orgName: string; scope: 'org' | 'subtree' }[];
  createdAt: string;
  /** What the acting administrator may do to this account. */
  actions: UserAction[];
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

/** Account administration by the 系统管理员, within the organisations his grant covers; every change audited. */
export function createAdminService(
  ctx: Pick<AppContext, 'db' | 'clock' | 'audit' | 'keys'>,
  deps: { orgs: OrgService; policies: SecurityPolicyService; certificates: CertificateFactorService },
) {
  const { db, clock, audit } = ctx;
  const cipher = () => fieldCipher(ctx.keys);
  const { orgs, policies, certificates } = deps;
  const now = () => clock.now().toISOString();

  /** The org's id when the actor may place accounts or grants in it, else `identity.org_out_of_scope`. */
  async function placeable(actor: Actor, orgKey: string): Promise<string> {
    const org = await orgs.get(orgKey);
    const path = (await orgs.pathsOf([org.id])).get(org.id) ?? null;
    if (!can(actor, placementPolicy, 'place', { path })) throw new AppError('identity.org_out_of_scope');
    return org.id;
  }

  const scopeOf = (user: UserRow, paths: Map<string, string>): UserScope => ({ orgPath: paths.get(user.org_id) ?? null, status: user.status });

  /** Loads the account and authorizes `action` on it; out of scope reads as not found. */
  async function load(actor: Actor, userId: string, action: UserAction): Promise<UserRow> {
    authorize(actor, accountAdminPolicy, 'manage', undefined);
    const user = await repo.findUserById(db, userId);
    if (!user) throw new AppError('identity.user_not_found');
    authorize(actor, userPolicy, action, scopeOf(user, await orgs.pathsOf([user.org_id])));
    return user;
  }

  async function present(actor: Actor, users: readonly UserRow[]): Promise<AdminUser[]> {
    const grants = await repo.rolesOfUsers(db, users.map((u) => u.id));
    const paths = await orgs.pathsOf(users.map((u) => u.org_id));
    const orgNames = new Map<string, string>();
    for (const orgId of new Set([...users.map((u) => u.org_id), ...grants.map((g) => g.org_id)])) {
      orgNames.set(orgId, (await orgs.get(orgId)).nameZh);
    }
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
        secondFactors: await certificates.enrolledMethods(u.id),
        ...maskedPersonalData(cipher(), u),
        roles: grants
          .filter((g) => g.user_id === u.id)
          .map((g) => ({ role: g.role, orgId: g.org_id, orgName: orgNames.get(g.org_id)!, scope: g.scope })),
        createdAt: u.created_at,
        actions: allowedActions(actor, userPolicy, scopeOf(u, paths)),
      })),
    );
  }

  /** Runs a change and its audit event in one transaction. */
  function audited(who: AuditContext, change: (trx: Trx) => Promise<AuditEvent>): Promise<void> {
    return db.transaction().execute(async (trx) => {
      await audit.append(trx, { ...who, ...(await change(trx)) });
    });
  }

  const userObject = (id: string) => ({ type: 'user', id });

  return {
    /** Accounts in the organisations the actor's 系统管理员 grants cover, and only those. */
    async list(actor: Actor, filter: { q?: string; orgId?: string; page: number; pageSize: number }) {
      authorize(actor, accountAdminPolicy, 'manage', undefined);
      const orgId = filter.orgId ? await placeable(actor, filter.orgId) : undefined;
      const orgIds = orgId ? [orgId] : await orgs.idsCovered(grantsOf(actor, 'sysadmin'));
      // A whole 身份证号 or phone number is found through its blind index, never by decrypting rows.
      const personal = filter.q ? personalLookup(cipher(), filter.q) : null;
      const { rows, total } = await repo.listUsers(
        db,
        { q: filter.q, orgIds, ...(personal ? { personal } : {}) },
        { offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize },
      );
      return { items: await present(actor, rows), total, page: filter.page, pageSize: filter.pageSize };
    },

    async get(actor: Actor, userId: string): Promise<AdminUser> {
      return (await present(actor, [await load(actor, userId, 'read')]))[0]!;
    },

    /** A new account that must set its own password at first sign-in. */
    async create(
      actor: Actor,
      input: { username: string; displayName: string; orgId: string; password: string } & PersonalData,
      who: AuditContext,
    ): Promise<AdminUser> {
      authorize(actor, accountAdminPolicy, 'manage', undefined);
      const orgId = await placeable(actor, input.orgId);
      const problems = passwordProblems(await policies.get(), input.password, input.username);
      if (problems.length) {
        throw new AppError('identity.password_policy', { fields: problems.map((message) => ({ path: 'password', message })) });
      }
      if (await repo.findUserByUsername(db, input.username)) throw new AppError('identity.username_taken');
      const id = newId();
      const passwordHash = await hashPassword(input.password);
      await audited(who, async (trx) => {
        const at = now();
        await repo.insertUser(
          trx,
          {
            id,
            username: input.username,
            display_name: input.displayName,
            org_id: orgId,
            password_hash: passwordHash,
            status: 'active',
            is_demo: 0,
            must_change_password: 1,
            password_changed_at: at,
            id_number_sealed: null,
            id_number_index: null,
            phone_sealed: null,
            phone_index: null,
            ...sealPersonalData(cipher(), id, input),
            created_at: at,
            updated_at: at,
          },
          [],
        );
        return { action: 'identity.user_create', object: userObject(id), details: { username: input.username, orgId } };
      });
      return this.get(actor, id);
    },

    /** Changes display name, organisation or status; disabling ends every session of the user. */
    async update(
      actor: Actor,
      userId: string,
      changes: { displayName?: string; orgId?: string; status?: 'active' | 'disabled' } & PersonalData,
      who: AuditContext,
    ): Promise<AdminUser> {
      const user = await load(actor, userId, 'read');
      const scope = scopeOf(user, await orgs.pathsOf([user.org_id]));
      const personalChanged = changes.idNumber !== undefined || changes.phone !== undefined;
      if (changes.displayName !== undefined || changes.orgId !== undefined || personalChanged) authorize(actor, userPolicy, 'edit', scope);
      if (changes.status && changes.status !== user.status) {
        authorize(actor, userPolicy, changes.status === 'disabled' ? 'disable' : 'enable', scope);
      }
      const orgId = changes.orgId ? await placeable(actor, changes.orgId) : undefined;
      await audited(who, async (trx) => {
        await repo.updateUser(trx, user.id, {
          ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
          ...(orgId ? { org_id: orgId } : {}),
          ...(changes.status ? { status: changes.status } : {}),
          ...sealPersonalData(cipher(), user.id, changes),
          updated_at: now(),
        });
        if (changes.status === 'disabled') await repo.deleteSessionsOf(trx, user.id);
        return {
          action: 'identity.user_update',
          object: userObject(user.id),
          // Personal data is named as changed, never written into the log.
          details: {
            username: user.username,
            changes: {
              ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
              ...(orgId ? { orgId } : {}),
              ...(changes.status ? { status: changes.status } : {}),
              ...(changes.idNumber !== undefined ? { idNumber: changes.idNumber ? '已修改' : '已清除' } : {}),
              ...(changes.phone !== undefined ? { phone: changes.phone ? '已修改' : '已清除' } : {}),
            },
          },
        };
      });
      return this.get(actor, user.id);
    },

    /** The full 身份证号 and phone of an account; every reveal is an audit event. */
    async revealPersonalData(actor: Actor, userId: string, who: AuditContext): Promise<{ idNumber: string | null; phone: string | null }> {
      const user = await load(actor, userId, 'read');
      const data = openPersonalData(cipher(), user);
      await audited(who, async () => ({
        action: 'identity.personal_data_read',
        object: userObject(user.id),
        details: { username: user.username, fields: [...(data.idNumber ? ['idNumber'] : []), ...(data.phone ? ['phone'] : [])] },
      }));
      return data;
    },

    async grantRole(
      actor: Actor,
      userId: string,
      grant: { role: string; orgId: string; scope: 'org' | 'subtree' },
      who: AuditContext,
    ): Promise<AdminUser> {
      if (!isRole(grant.role)) throw new AppError('identity.role_unknown');
      const user = await load(actor, userId, 'grant');
      const orgId = await placeable(actor, grant.orgId);
      const held = (await repo.rolesOf(db, user.id)).map((r) => r.role);
      if (roleConflict(held, grant.role)) {
        throw new AppError('identity.role_conflict', { details: { held, granted: grant.role } });
      }
      const row: UserRoleTable = { user_id: user.id, role: grant.role, org_id: orgId, scope: grant.scope };
      await audited(who, async (trx) => {
        await repo.insertRole(trx, row);
        return { action: 'identity.role_grant', object: userObject(user.id), details: { username: user.username, role: grant.role, orgId, scope: grant.scope } };
      });
      return this.get(actor, user.id);
    },

    async revokeRole(actor: Actor, userId: string, role: string, orgKey: string, who: AuditContext): Promise<AdminUser> {
      const user = await load(actor, userId, 'revoke');
      const orgId = await placeable(actor, orgKey);
      await audited(who, async (trx) => {
        if ((await repo.deleteRole(trx, user.id, role, orgId)) === 0) throw new AppError('identity.grant_not_found');
        return { action: 'identity.role_revoke', object: userObject(user.id), details: { username: user.username, role, orgId } };
      });
      return this.get(actor, user.id);
    },

    async endSessions(actor: Actor, userId: string, who: AuditContext): Promise<number> {
      const user = await load(actor, userId, 'endSessions');
      let ended = 0;
      await audited(who, async (trx) => {
        ended = await repo.deleteSessionsOf(trx, user.id);
        return { action: 'identity.sessions_end', object: userObject(user.id), details: { username: user.username, endedSessions: ended } };
      });
      return ended;
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
