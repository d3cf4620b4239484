import { type LeadOwner, parseListingPlatforms, type Referrer } from '@mandap/shared/leads';
import { and, asc, eq, inArray, like, or } from 'drizzle-orm';
import { clients, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';

/** Roles a lead may be handed to (the same rule assignLead enforces). */
export const OWNER_ROLES = ['sales', 'manager', 'super_admin'] as const;

/** Active people a lead can be assigned to, sales first, then by name. */
export async function listOwners(deps: Deps): Promise<LeadOwner[]> {
  const rows = await deps.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.status, 'active'), inArray(users.role, [...OWNER_ROLES])))
    .orderBy(asc(users.name));
  const rank = (r: string) => OWNER_ROLES.indexOf(r as (typeof OWNER_ROLES)[number]);
  return rows.sort((a, b) => rank(a.role) - rank(b.role));
}

/** Clients whose name, code or phone contains `q` (digits of a phone match its E.164 form), at most 20. */
export async function searchReferrers(deps: Deps, q: string): Promise<Referrer[]> {
  const text = `%${q.replace(/[%_]/g, '')}%`;
  const digits = q.replace(/\D/g, '').replace(/^0+/, '');
  return deps.db
    .select({ id: clients.id, code: clients.code, name: clients.name, phone: clients.phone })
    .from(clients)
    .where(
      q
        ? or(
            like(clients.name, text),
            like(clients.code, text),
            digits.length >= 4 ? like(clients.phone, `%${digits}%`) : undefined,
          )
        : undefined,
    )
    .orderBy(asc(clients.name))
    .limit(20);
}

/** The listing platforms this house has configured (LISTING_PLATFORMS). */
export const listingPlatformsOf = (deps: Deps) => parseListingPlatforms(deps.env.LISTING_PLATFORMS);
