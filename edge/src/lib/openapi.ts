import { z } from '@hono/zod-openapi';
import { ZErrorBody } from '@mandap/shared';

/** A JSON body, required: a request without it (or with another content type) is refused. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true as const, content: { 'application/json': { schema } }, description: description ?? '' };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

const errorResponse = (description: string) => jsonResponse(ZErrorBody, description);

/** The error answers every route can give, documented once. */
export const errorResponses = {
  400: errorResponse('The request was malformed or failed validation; `fields` names each problem.'),
  401: errorResponse('No valid access token.'),
  403: errorResponse('The role does not allow this.'),
  404: errorResponse('Not found, or not visible to this user.'),
  413: errorResponse('The body is larger than the limit.'),
} as const;

export const ZIdParam = z.object({ id: z.uuid({ error: 'must be an id (UUID)' }) });
