import { ERROR_CODE_STATUS, ErrorCode, ErrorResponse } from '@kengash/contracts';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException } from './domain.exception';

const STATUS_CODE: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.MalformedRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.UnprocessableContent,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

/** Fastify's own errors (body parsing, limits) carry a code and a 4xx statusCode. */
interface FastifyError {
  code?: string;
  statusCode?: number;
  message?: string;
}

function fastifyMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'This content type is not accepted';
    default:
      return 'The request could not be read';
  }
}

/** Maps anything thrown into an `ErrorResponse`; for `details` only what is safe to show. */
export function toErrorResponse(exception: unknown, correlationId: string): ErrorResponse {
  if (exception instanceof DomainException) {
    return {
      statusCode: exception.statusCode,
      code: exception.code,
      message: exception.message,
      ...(exception.details ? { details: exception.details } : {}),
      correlationId,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const body = exception.getResponse();
    const raw = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
    const code = STATUS_CODE[statusCode] ?? (statusCode >= 500 ? ErrorCode.Internal : ErrorCode.MalformedRequest);
    return { statusCode, code, message: statusCode >= 500 ? 'Internal error' : message, correlationId };
  }
  const fastify = exception as FastifyError;
  if (
    typeof fastify?.code === 'string' &&
    fastify.code.startsWith('FST_') &&
    typeof fastify.statusCode === 'number' &&
    fastify.statusCode >= 400 &&
    fastify.statusCode < 500
  ) {
    const statusCode = fastify.statusCode;
    return {
      statusCode,
      code: STATUS_CODE[statusCode] ?? ErrorCode.MalformedRequest,
      message: fastifyMessage(fastify),
      correlationId,
    };
  }
  // Errors from http-errors (e.g. @fastify/send) that are meant to be shown carry a 4xx status.
  const httpError = exception as { status?: unknown; expose?: unknown };
  if (
    typeof httpError?.status === 'number' &&
    httpError.status >= 400 &&
    httpError.status < 500 &&
    httpError.expose === true
  ) {
    const statusCode = httpError.status;
    const code = STATUS_CODE[statusCode] ?? ErrorCode.MalformedRequest;
    return {
      statusCode,
      code,
      message: statusCode === 404 ? 'Not found' : 'This request cannot be served',
      correlationId,
    };
  }
  return {
    statusCode: ERROR_CODE_STATUS[ErrorCode.Internal],
    code: ErrorCode.Internal,
    message: 'Internal error; quote the correlation id when reporting it',
    correlationId,
  };
}

function isClientRoute(request: FastifyRequest): boolean {
  const path = (request.url ?? '').split('?')[0];
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    path !== '/api' &&
    !path.startsWith('/api/') &&
    !path.startsWith('/socket.io') &&
    !/\.[A-Za-z0-9]{1,8}$/.test(path)
  );
}

/**
 * The single place where errors become HTTP responses: `{ statusCode, code, message, details?, correlationId }`.
 * Stack traces and SQL are logged with the correlation id, never sent.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /**
   * @param spaIndex sends the web app's index.html: a GET for a client-side route (not `/api/…`, no file
   * extension) that no server route matches is answered with the Angular app, which routes it.
   */
  constructor(private readonly spaIndex?: (request: FastifyRequest, reply: FastifyReply) => unknown) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const correlationId = String(request.id ?? '');
    const body = toErrorResponse(exception, correlationId);
    if (this.spaIndex && body.statusCode === 404 && isClientRoute(request)) {
      void this.spaIndex(request, reply);
      return;
    }
    if (body.statusCode >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error({ err: exception, correlationId }, 'Unhandled error');
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
