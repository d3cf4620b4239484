import { z } from 'zod';
import { ZEmail } from '../common/schemas.ts';
import { ZRole } from './schemas.ts';

const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: ZRole,
  status: z.enum(USER_STATUSES),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof ZUser>;

export const ZUserList = z.object({ users: z.array(ZUser) });

const ZName = z
  .string({ error: 'name is required' })
  .trim()
  .min(2, { error: 'name needs at least 2 characters' })
  .max(120);

export const ZInviteUser = z.strictObject({
  email: ZEmail,
  name: ZName,
  role: ZRole,
  phone: z.string().trim().max(20).optional(),
});
export type InviteUser = z.infer<typeof ZInviteUser>;

export const ZUpdateUser = z
  .strictObject({
    name: ZName.optional(),
    role: ZRole.optional(),
    phone: z.string().trim().max(20).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'nothing to change: send name, role or phone' });
export type UpdateUser = z.infer<typeof ZUpdateUser>;

/** An invite answers with the user; the invite link itself goes to the notification outbox. */
export const ZInviteResult = z.object({ user: ZUser });
