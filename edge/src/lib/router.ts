import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { AppEnv } from './context.ts';
import { AppError } from './errors.ts';

/** Turns a zod failure into a 400 that names every bad field in words a person can act on. */
export function validationError(error: z.ZodError, where: string): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'unknown field: check its spelling';
    } else {
      fields[issue.path.join('.') || where] = issue.message;
    }
  }
  const list = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return new AppError('validation_failed', `Check the ${where}: ${list}.`, { fields });
}

/** A feature's router: OpenAPI-aware, and every validation failure answered the same way. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, _c) => {
      if (!result.success)
        throw validationError(result.error, result.target === 'json' ? 'request body' : result.target);
      return undefined;
    },
  });
}
