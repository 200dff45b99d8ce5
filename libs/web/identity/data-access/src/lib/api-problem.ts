import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode, ErrorResponse, FieldError } from '@kengash/contracts';

/** What a failed API call means for a screen: the server's words plus what a form needs to show. */
export interface ApiProblem {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  code: ErrorCode | null;
  /** The server's `message` (already meant for people), or null when there is none. */
  message: string | null;
  /** Per-field messages from `details`, keyed by the field's dotted path. */
  fields: Record<string, string[]>;
  /** Seconds from a `Retry-After` header (429). */
  retryAfter: number | null;
  correlationId: string | null;
  /** `details` when it is an object rather than a list of fields (e.g. `{ reason }`). */
  reason: string | null;
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  return (
    typeof body === 'object' &&
    body !== null &&
    'code' in body &&
    typeof body.code === 'string' &&
    'message' in body &&
    typeof body.message === 'string'
  );
}

function isFieldErrors(details: unknown): details is FieldError[] {
  return (
    Array.isArray(details) &&
    details.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        'field' in item &&
        typeof item.field === 'string' &&
        'messages' in item &&
        Array.isArray(item.messages),
    )
  );
}

/** Reads an `ErrorResponse` (or a network failure) out of whatever HttpClient threw. */
export function toApiProblem(error: unknown): ApiProblem {
  const problem: ApiProblem = {
    status: 0,
    code: null,
    message: null,
    fields: {},
    retryAfter: null,
    correlationId: null,
    reason: null,
  };
  if (!(error instanceof HttpErrorResponse)) {
    return { ...problem, status: -1 };
  }
  problem.status = error.status;
  const retryAfter = Number(error.headers?.get('Retry-After'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) {
    problem.retryAfter = Math.ceil(retryAfter);
  }
  const body: unknown = error.error;
  if (!isErrorResponse(body)) {
    return problem;
  }
  problem.code = body.code;
  problem.message = body.message;
  problem.correlationId = body.correlationId ?? null;
  if (isFieldErrors(body.details)) {
    for (const { field, messages } of body.details) {
      problem.fields[field] = [...(problem.fields[field] ?? []), ...messages.map(String)];
    }
  } else if (body.details && typeof body.details === 'object') {
    const reason = (body.details as Record<string, unknown>)['reason'];
    problem.reason = typeof reason === 'string' ? reason : null;
  }
  return problem;
}

/** The API's answer to a user whose role needs 2FA before anything else. */
export const TOTP_ENROLMENT_REQUIRED_REASON = 'totp_enrolment_required';

export function isTotpEnrolmentRequired(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || error.status !== 403) {
    return false;
  }
  return toApiProblem(error).reason === TOTP_ENROLMENT_REQUIRED_REASON;
}
