import { z } from 'zod';

export const signInBodySchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const navEntrySchema = z.object({ key: z.string(), label: z.string(), icon: z.string(), order: z.number() });

export const sessionInfoSchema = z
  .object({
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), isDemo: z.boolean() }),
    org: z.object({
      id: z.string(),
      ref: z.string(),
      kind: z.string(),
      nameZh: z.string(),
      nameMn: z.string().nullable(),
      path: z.array(z.object({ id: z.string(), nameZh: z.string() })).describe('从根到本单位的上级路径'),
    }),
    roles: z.array(z.object({ role: z.string(), label: z.string(), orgId: z.string(), orgName: z.string(), scope: z.enum(['org', 'subtree']) })),
    nav: z.array(navEntrySchema),
    demo: z.boolean().describe('本部署是否为演示部署'),
  })
  .meta({ id: 'SessionInfo' });

export type SessionInfo = z.infer<typeof sessionInfoSchema>;
