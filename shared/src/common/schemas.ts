import { z } from 'zod';

/** Every error the API returns has this shape; `code` is stable, `message` is for a person. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Per-field problems for validation errors: path → message. */
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ZErrorBody>;

export const ZId = z.uuid({ error: 'must be an id (UUID)' });

export const ZEmail = z
  .string({ error: 'email is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'enter a valid email address, like name@example.com' }).max(254));

/** The one place the minimum password length is set: the server's check, and every form's, use it. */
export const PASSWORD_MIN_LENGTH = 10;

/** Passwords: long enough to resist guessing, short enough that hashing stays cheap. */
export const ZNewPassword = z
  .string({ error: 'password is required' })
  .min(PASSWORD_MIN_LENGTH, { error: `use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(200, { error: 'use at most 200 characters' });

export const ZIsoDate = z.iso.date({ error: 'use a date like 2026-12-14' });
export const ZIsoDateTime = z.iso.datetime({ offset: true, error: 'use an ISO date-time' });

export const ZOk = z.object({ ok: z.literal(true) });
