import { z } from '@hono/zod-openapi';
import { ZAddEventType, ZHouseEventTypes } from '@mandap/shared/events';
import {
  ZAssignmentRuleInput,
  ZAssignmentRules,
  ZLeadCampaigns,
  ZLeadCounts,
  ZLeadCountsQuery,
  ZLeadOwners,
  ZLeadSourceOptions,
  ZReferrerQuery,
  ZReferrers,
  ZReorderRules,
} from '@mandap/shared/leads';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { actorOf } from './actor.ts';
import * as rules from './assignment-rules.service.ts';
import { addHouseEventType, listHouseEventTypes } from './event-types.service.ts';
import { listingPlatformsOf, listOwners, searchReferrers } from './lead-options.service.ts';
import { countLeads, listCampaigns } from './leads.service.ts';

const ZRuleParam = z.object({ ruleId: z.uuid({ error: 'must be an id (UUID)' }) });
const rulesResult = {
  200: jsonResponse(ZAssignmentRules, 'The rules, in the order they are tried.'),
  ...errorResponses,
};

const counts = defineRoute({
  method: 'get',
  path: '/counts',
  permission: 'leads:read',
  summary: 'How many leads match the filters, per stage, with open, won and lost: counted over every lead',
  request: { query: ZLeadCountsQuery },
  responses: { 200: jsonResponse(ZLeadCounts, 'Counts.'), ...errorResponses },
});
const campaigns = defineRoute({
  method: 'get',
  path: '/campaigns',
  permission: 'leads:read',
  summary: 'Every utm_source and campaign leads came from, with how many leads each (most first, at most 500)',
  responses: { 200: jsonResponse(ZLeadCampaigns, 'Campaigns.'), ...errorResponses },
});
const eventTypes = defineRoute({
  method: 'get',
  path: '/event-types',
  permission: 'leads:read',
  summary:
    'The house list of event types: the built-in ones (common Indian functions included), then those added in settings',
  responses: { 200: jsonResponse(ZHouseEventTypes, 'The house list.'), ...errorResponses },
});
const addEventType = defineRoute({
  method: 'post',
  path: '/event-types',
  permission: 'settings:manage',
  summary: 'Add an event type to the house list (409 if it is already there)',
  request: { body: jsonBody(ZAddEventType) },
  responses: { 200: jsonResponse(ZHouseEventTypes, 'The house list.'), ...errorResponses },
});
const owners = defineRoute({
  method: 'get',
  path: '/owners',
  permission: 'leads:read',
  summary: 'People a lead can be assigned to: active sales, managers and admins',
  responses: { 200: jsonResponse(ZLeadOwners, 'Sales first, then by name.'), ...errorResponses },
});
const referrers = defineRoute({
  method: 'get',
  path: '/referrers',
  permission: 'clients:read',
  summary: 'Clients matching a name, code or phone, to name as the referrer of a lead',
  request: { query: ZReferrerQuery },
  responses: { 200: jsonResponse(ZReferrers, 'At most 20 clients.'), ...errorResponses },
});
const sources = defineRoute({
  method: 'get',
  path: '/sources',
  permission: 'leads:read',
  summary: 'Listing platforms configured in LISTING_PLATFORMS and how their leads are tagged',
  responses: { 200: jsonResponse(ZLeadSourceOptions, 'Platforms.'), ...errorResponses },
});
const listRules = defineRoute({
  method: 'get',
  path: '/assignment-rules',
  permission: 'leads:read',
  summary: 'Assignment rules (source, city, event type → owner); round-robin among sales covers the rest',
  responses: rulesResult,
});
// Changing who gets new leads is a manager's call: users:manage (managers and admins), not leads:write.
const createRule = defineRoute({
  method: 'post',
  path: '/assignment-rules',
  permission: 'users:manage',
  summary: 'Add an assignment rule at the end of the list',
  request: { body: jsonBody(ZAssignmentRuleInput) },
  responses: rulesResult,
});
const updateRule = defineRoute({
  method: 'put',
  path: '/assignment-rules/{ruleId}',
  permission: 'users:manage',
  summary: 'Change an assignment rule',
  request: { params: ZRuleParam, body: jsonBody(ZAssignmentRuleInput) },
  responses: rulesResult,
});
const deleteRule = defineRoute({
  method: 'delete',
  path: '/assignment-rules/{ruleId}',
  permission: 'users:manage',
  summary: 'Remove an assignment rule',
  request: { params: ZRuleParam },
  responses: rulesResult,
});
const reorder = defineRoute({
  method: 'post',
  path: '/assignment-rules/reorder',
  permission: 'users:manage',
  summary: 'Put the rules in a new order (every rule id once)',
  request: { body: jsonBody(ZReorderRules) },
  responses: rulesResult,
});

/** Pickers and settings of the leads area, mounted under /api/leads before the /{id} routes. */
export const leadOptionsRoutes = createRouter()
  .openapi(counts, async (c) => c.json(await countLeads(c.get('deps'), viewerOf(c), c.req.valid('query')), 200))
  .openapi(campaigns, async (c) => c.json(await listCampaigns(c.get('deps')), 200))
  .openapi(eventTypes, async (c) => c.json({ eventTypes: await listHouseEventTypes(c.get('deps').db) }, 200))
  .openapi(addEventType, async (c) => {
    const list = await addHouseEventType(c.get('deps'), c.req.valid('json').label, actorOf(c).actorId);
    return c.json({ eventTypes: list }, 200);
  })
  .openapi(owners, async (c) => c.json({ owners: await listOwners(c.get('deps')) }, 200))
  .openapi(referrers, async (c) =>
    c.json({ clients: await searchReferrers(c.get('deps'), c.req.valid('query').q) }, 200),
  )
  .openapi(sources, (c) => c.json({ listingPlatforms: listingPlatformsOf(c.get('deps')) }, 200))
  .openapi(listRules, async (c) => c.json({ rules: await rules.listRules(c.get('deps').db) }, 200))
  .openapi(createRule, async (c) =>
    c.json({ rules: await rules.createRule(c.get('deps'), c.req.valid('json'), actorOf(c)) }, 200),
  )
  .openapi(reorder, async (c) =>
    c.json({ rules: await rules.reorderRules(c.get('deps'), c.req.valid('json').ids, actorOf(c)) }, 200),
  )
  .openapi(updateRule, async (c) =>
    c.json(
      { rules: await rules.updateRule(c.get('deps'), c.req.valid('param').ruleId, c.req.valid('json'), actorOf(c)) },
      200,
    ),
  )
  .openapi(deleteRule, async (c) =>
    c.json({ rules: await rules.deleteRule(c.get('deps'), c.req.valid('param').ruleId, actorOf(c)) }, 200),
  );
