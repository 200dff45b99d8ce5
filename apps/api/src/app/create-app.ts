import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { AllExceptionsFilter, AppSecrets, CORRELATION_HEADER, correlationIdFor, Env } from '@kengash/api-core';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { LiveIoAdapter } from '@kengash/api-live-meeting';
import { AppModule } from './app.module';
import { indexHtmlSender, registerSecurityHeaders } from './security-headers';

/** Where the built Angular app is: WEB_DIST, or dist/apps/web/browser beside the API build. */
export function webDistFolder(env: Env): string | undefined {
  const candidates = env.WEB_DIST
    ? [env.WEB_DIST]
    : [join(__dirname, '..', 'web', 'browser'), resolve('dist/apps/web/browser')];
  return candidates.map((c) => resolve(c)).find((c) => existsSync(join(c, 'index.html')));
}

const ONE_MEGABYTE = 1024 * 1024;

export interface KengashApp {
  app: NestFastifyApplication;
  /**
   * Call first on SIGTERM: responses still in flight then carry `Connection: close`, so keep-alive
   * connections end with them and the server can close without waiting for idle timeouts.
   */
  beginShutdown(): void;
}

/** Builds the whole HTTP application (REST, OpenAPI, static web app, Socket.IO) without listening. */
export async function createApp(env: Env, databaseUrl: string, secrets: AppSecrets): Promise<KengashApp> {
  let closing = false;
  const adapter = new FastifyAdapter({
    trustProxy: env.TRUST_PROXY,
    bodyLimit: ONE_MEGABYTE,
    // The correlation id is Fastify's request id; it is put on the raw request so pino-http logs the same id.
    genReqId: (req: IncomingMessage) => {
      const id = correlationIdFor(req);
      (req as typeof req & { id?: string }).id = id;
      return id;
    },
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env, databaseUrl, secrets), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  const io = new LiveIoAdapter(app, env.REDIS_URL);
  await io.connect();
  app.useWebSocketAdapter(io);
  app.setGlobalPrefix('api');
  app.enableCors({
    origin: env.CORS_ORIGINS.length ? env.CORS_ORIGINS : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    credentials: true,
  });

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyCookie);
  // Multipart bodies are not read by Fastify's body parser (so its 1 MB bodyLimit does not apply): each route
  // streams them with these limits, the attachment cap (ATTACHMENT_MAX_BYTES) for files.
  await fastify.register(fastifyMultipart, {
    limits: { fileSize: env.ATTACHMENT_MAX_BYTES + 1, files: 1, parts: 12, fields: 10, fieldSize: 1024 },
  });
  await registerSecurityHeaders(fastify, {
    https: new URL(env.PUBLIC_URL).protocol === 'https:',
    connectOrigins: env.CORS_ORIGINS,
  });

  // The web app: hashed assets from disk; index.html (for "/" and every client-side route) with a CSP nonce.
  const webDist = webDistFolder(env);
  const sendIndex = webDist ? indexHtmlSender(webDist) : undefined;
  app.useGlobalFilters(new AllExceptionsFilter(sendIndex));
  if (sendIndex) fastify.get('/', sendIndex);

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header(CORRELATION_HEADER, request.id);
    if (closing) reply.header('connection', 'close');
  });
  if (webDist) {
    await fastify.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: true,
      index: false,
      allowedPath: (path) => path !== '/index.html',
      setHeaders: (reply, path) => {
        // Angular's file names carry a content hash: cache them for a year; index.html is always revalidated.
        const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(path);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kengash API')
      .setDescription('Collaboration portal of the Central Asia Regional Expert Council')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  return {
    app,
    beginShutdown: () => {
      closing = true;
    },
  };
}
