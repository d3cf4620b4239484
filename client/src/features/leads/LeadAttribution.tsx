import type { LeadDetail } from '@mandap/shared/leads';
import { Group, Stack, Text } from '@mantine/core';

const FIELDS: [keyof NonNullable<LeadDetail['attribution']>, string][] = [
  ['utmSource', 'UTM source'],
  ['utmMedium', 'UTM medium'],
  ['utmCampaign', 'Campaign'],
  ['utmTerm', 'UTM term'],
  ['utmContent', 'UTM content'],
  ['campaignId', 'Campaign id'],
  ['adGroupId', 'Ad group / ad set id'],
  ['adId', 'Ad id'],
  ['formId', 'Form id'],
  ['gclid', 'Google click id (gclid)'],
  ['landingPage', 'Landing page'],
  ['referrer', 'Referrer'],
];

/** Where the lead came from in marketing terms (UTM, ad ids, click id), for campaign ROI. */
export function LeadAttribution({ attribution }: { attribution: LeadDetail['attribution'] }) {
  const rows = FIELDS.filter(([k]) => attribution?.[k]);
  return (
    <Stack gap={2} aria-label="Campaign and UTM">
      <Text fw={600}>Campaign and UTM</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No campaign or UTM data came with this lead.
        </Text>
      ) : (
        rows.map(([k, label]) => (
          <Group key={k} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
              {label}
            </Text>
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              {attribution?.[k]}
            </Text>
          </Group>
        ))
      )}
    </Stack>
  );
}
