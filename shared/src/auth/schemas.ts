import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../access/permissions.ts';
import { ZEmail, ZNewPassword } from '../common/schemas.ts';

export const ZRole = z.enum(ROLES, { error: `role must be one of: ${ROLES.join(', ')}` });

export const ZLoginRequest = z.strictObject({
  email: ZEmail,
  password: z.string({ error: 'password is required' }).min(1, { error: 'password is required' }).max(200),
});

export const ZMe = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Me = z.infer<typeof ZMe>;

/** Login and refresh both answer with a fresh access token; the refresh token travels only in its cookie. */
export const ZSession = z.object({
  accessToken: z.string(),
  /** When the access token expires (ISO); refresh a little before. */
  expiresAt: z.string(),
  user: ZMe,
});
export type Session = z.infer<typeof ZSession>;

export const ZChangePassword = z.strictObject({
  currentPassword: z.string().min(1, { error: 'current password is required' }).max(200),
  newPassword: ZNewPassword,
});

export const ZPasswordResetRequest = z.strictObject({ email: ZEmail });

export const ZTokenWithPassword = z.strictObject({
  token: z.string().min(20, { error: 'the link is incomplete: open it again from the message' }).max(200),
  newPassword: ZNewPassword,
});

/** The new password typed twice, as the set-password and change-password forms ask for it. */
const samePassword = (v: { newPassword: string; repeat: string }) => v.newPassword === v.repeat;
const notSame = { path: ['repeat'], error: 'the two passwords do not match' };

/** Form: choose a password from a reset or invite link (the token comes from the link, not the form). */
export const ZSetPasswordForm = z
  .object({ newPassword: ZNewPassword, repeat: z.string() })
  .refine(samePassword, notSame);

/** Form: change one's own password (the request is `ZChangePassword`, without `repeat`). */
export const ZChangePasswordForm = z
  .object({ ...ZChangePassword.shape, repeat: z.string() })
  .refine(samePassword, notSame);
