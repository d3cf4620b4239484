-- Marketing filters on the lead's attribution (see leads.service: utmSourceOf, campaignOf), so the list,
-- its counts and the campaigns summary filter on an index at 100k leads. Written by hand: drizzle-kit
-- splits an index expression at its commas.
CREATE INDEX `leads_utm_source_idx` ON `leads` (json_extract(`attribution`, '$.utmSource'));--> statement-breakpoint
CREATE INDEX `leads_campaign_idx` ON `leads` (coalesce(json_extract(`attribution`, '$.utmCampaign'), json_extract(`attribution`, '$.campaignId')));
