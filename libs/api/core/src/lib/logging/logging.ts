import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Options as HttpLoggerOptions } from 'pino-http';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuses a well-formed incoming correlation id (e.g. from nginx) or makes one. */
export function correlationIdFor(request: IncomingMessage): string {
  const incoming = request.headers[CORRELATION_HEADER];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/** Single-use tokens travel in some paths and query strings (e-mailed links): never log them. */
export function redactUrl(url: string | undefined): string | undefined {
  return url
    ?.replace(/(\/(?:invitations|rsvp|calendar\/feeds)\/)[^/?#]+/, '$1[redacted]')
    .replace(/([?&](?:token|code|state|session_state)=)[^&#]*/gi, '$1[redacted]');
}

/** Structured JSON logs; every request line carries its correlation id; secrets are redacted. */
export function loggerParams(level: string): Params {
  const pinoHttp: HttpLoggerOptions = {
    level,
    customProps: (req) => ({ correlationId: (req as IncomingMessage & { id?: string }).id }),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.refreshToken',
        '*.secret',
      ],
      censor: '[redacted]',
    },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
    serializers: {
      req: (req: { id?: string; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return {
    // Path syntax of path-to-regexp 8 (Nest 11): every route.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp,
  };
}
