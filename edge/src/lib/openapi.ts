import { z } from '@hono/zod-openapi';
import { ZErrorBody } from '@mandap/shared/common';

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

/**
 * A response body whose full shape is a TypeScript type in shared/ (a quote, say) rather than a
 * zod schema: the outline documents it in OpenAPI, and the type (checked against what the
 * handler returns) is what the client's `hc<App>` sees. Responses are not parsed at run time.
 */
export function typedOutline<T>() {
  return <S extends z.ZodType>(outline: S): z.ZodType<T> => outline as unknown as z.ZodType<T>;
}
