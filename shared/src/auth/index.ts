/** Sign-in, sessions, passwords and users. */
export {
  type Me,
  type Session,
  ZChangePassword,
  ZChangePasswordForm,
  ZLoginRequest,
  ZMe,
  ZPasswordResetRequest,
  ZRole,
  ZSession,
  ZSetPasswordForm,
  ZTokenWithPassword,
} from './schemas.ts';
export {
  type InviteUser,
  type UpdateUser,
  type User,
  ZInviteResult,
  ZInviteUser,
  ZUpdateUser,
  ZUser,
  ZUserList,
} from './users.ts';
