import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Security headers for everything the API serves: a strict CSP (scripts only from this origin, no inline
 * script, no eval; Angular's runtime styles carry a per-request nonce), HSTS, no framing, no referrer
 * leaks, nosniff; and `Cache-Control: no-store` on every API response, which may hold personal data.
 */
export async function registerSecurityHeaders(
  fastify: FastifyInstance,
  options: { https: boolean; connectOrigins: string[] },
): Promise<void> {
  // The nonce must exist before helmet writes the header (both are onRequest hooks, run in order).
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    // Helmet calls directive functions with the raw Node request: keep the nonce there.
    (request.raw as typeof request.raw & { cspNonce?: string }).cspNonce = randomBytes(16).toString('base64');
  });
  await fastify.register(helmet, {
    enableCSPNonces: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", (req) => `'nonce-${(req as unknown as { cspNonce?: string }).cspNonce ?? 'none'}'`],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'", ...options.connectOrigins],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/api/docs')) {
      // The OpenAPI UI page ships inline styles; it holds no personal data.
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      reply.header('content-security-policy', csp.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"));
    } else if (request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
    }
  });
}

/** index.html with this request's CSP nonce put where Angular reads it (`ngCspNonce="CSP_NONCE"`). */
export function indexHtmlSender(webDist: string): (request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  const template = readFileSync(join(webDist, 'index.html'), 'utf8');
  return (request, reply) => {
    const nonce = (request.raw as typeof request.raw & { cspNonce?: string }).cspNonce ?? '';
    return reply
      .code(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(template.replace(/CSP_NONCE/g, nonce));
  };
}
