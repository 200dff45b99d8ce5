/**
 * Every error the API returns has this shape, over REST and in Socket.IO acks.
 * The `code` is stable and meant for programs; `message` is for people.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedRequest = 'MALFORMED_REQUEST',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  Conflict = 'CONFLICT',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  /** Well-formed but refused for what it contains (e.g. an upload the virus scanner flags). */
  UnprocessableContent = 'UNPROCESSABLE_CONTENT',
  RateLimited = 'RATE_LIMITED',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}

/** One invalid field of a request: `field` is a dotted path such as `zones.2`. */
export interface FieldError {
  field: string;
  messages: string[];
}

export interface ErrorResponse {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: FieldError[] | Record<string, unknown>;
  correlationId: string;
}

/** The HTTP status each error code maps to; exhaustive by construction. */
export const ERROR_CODE_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.MalformedRequest]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.MethodNotAllowed]: 405,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.UnprocessableContent]: 422,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Internal]: 500,
};
