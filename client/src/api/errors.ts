import { asErrorBody } from './guards.ts';

/** An API failure with the server's stable code and a message meant for a person. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;

  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const NETWORK_ERROR_MESSAGE = "Can't reach the Mandap server. Check your connection and try again.";

export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: fall through to the generic message
  }
  const parsed = asErrorBody(body);
  if (parsed) {
    const { code, message, fields } = parsed.error;
    return new ApiError(res.status, code, message, fields);
  }
  const message =
    res.status >= 500
      ? `The server had a problem (HTTP ${res.status}). Try again in a moment.`
      : `The request failed (HTTP ${res.status}).`;
  return new ApiError(res.status, `http_${res.status}`, message);
}

/** The text to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
