import { type CompanyProfile, type CompanyProfileInput, DEMO_COMPANY, ZCompanyProfile } from '@mandap/shared/company';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { companySettings } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { type Origin, recordChange } from '../../lib/journal.ts';

const ROW_ID = 'company';

/**
 * The supplier on every quotation, from Settings → Company; the demo defaults (Gulmohar
 * Events Pvt Ltd, Mumbai, GSTIN with a valid checksum) until someone saves their own.
 * Its state decides CGST + SGST vs IGST.
 */
export async function companyProfile(db: DbOrTx): Promise<CompanyProfile> {
  const [row] = await db
    .select({ profile: companySettings.profile })
    .from(companySettings)
    .where(eq(companySettings.id, ROW_ID))
    .limit(1);
  return row?.profile ?? DEMO_COMPANY;
}

/** Saves the company profile (GSTIN checksum and state checked by the schema), audited with before and after. */
export async function saveCompanyProfile(
  deps: Deps,
  viewer: Viewer,
  raw: CompanyProfileInput,
  origin: Origin,
): Promise<CompanyProfile> {
  const profile: CompanyProfile = { ...ZCompanyProfile.parse(raw), logoDataUrl: raw.logoDataUrl ?? null };
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const before = await companyProfile(tx);
    await tx
      .insert(companySettings)
      .values({ id: ROW_ID, profile, updatedBy: viewer.id, updatedAt: now.toISOString() })
      .onConflictDoUpdate({
        target: companySettings.id,
        set: { profile, updatedBy: viewer.id, updatedAt: now.toISOString() },
      });
    await recordChange(tx, {
      type: 'settings.company_updated',
      aggregateType: 'company_settings',
      aggregateId: ROW_ID,
      payload: { legalName: profile.legalName, gstin: profile.gstin },
      actorId: viewer.id,
      at: now,
      audit: { before: withoutLogo(before), after: withoutLogo(profile), ...origin },
    });
  });
  return profile;
}

/** The audit keeps whether a logo is set, not its bytes. */
const withoutLogo = ({ logoDataUrl, ...rest }: CompanyProfile) => ({ ...rest, hasLogo: Boolean(logoDataUrl) });

/** Writes the demo defaults once (seed); an existing profile is left alone. */
export async function seedCompanyProfile(db: DbOrTx, at: Date): Promise<void> {
  await db
    .insert(companySettings)
    .values({ id: ROW_ID, profile: DEMO_COMPANY, updatedBy: null, updatedAt: at.toISOString() })
    .onConflictDoNothing();
}
