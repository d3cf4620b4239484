import { Stack } from '@mantine/core';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PaymentTermsSettings } from '../quotes/PaymentTermsSettings.tsx';
import { VendorCategoriesSettings } from '../vendors/VendorCategoriesSettings.tsx';
import { CompanySection } from './CompanySection.tsx';
import { EventTypesSection } from './EventTypesSection.tsx';

/** Settings for the whole workspace (super admin). Users live under Settings → Users. */
export function SettingsPage() {
  return (
    <Stack gap={0} maw={900}>
      <PageHeader title="Settings" description="Company details for quotations. More settings will appear here." />
      <CompanySection />
      <PaymentTermsSettings />
      <EventTypesSection />
      <VendorCategoriesSettings />
    </Stack>
  );
}
