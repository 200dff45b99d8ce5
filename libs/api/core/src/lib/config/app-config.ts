import { registerAs } from '@nestjs/config';
import type { Env } from './env';
import type { AppSecrets } from './secrets';

export interface HttpConfig {
  port: number;
  host: string;
  publicUrl: string;
  corsOrigins: string[];
  trustProxy: boolean;
}
export interface DatabaseConfig {
  url: string;
}
export interface AppConfig {
  demoData: boolean;
  dataDir: string;
  logLevel: string;
  nodeEnv: Env['NODE_ENV'];
}

export interface LiveConfig {
  /** Token bucket per person: refill rate (events/s) and capacity. */
  eventsPerSecond: number;
  eventsBurst: number;
}

export interface ActionsConfig {
  /** How often the action-item reminder sweep runs. */
  reminderIntervalSeconds: number;
}

/** The practitioners' network. */
export interface NetworkConfig {
  /** Rejected applications are purged this many days after the decision. */
  purgeRejectedAfterDays: number;
}

/** Attachments of the best-practice library: size cap, where the bytes go, and the virus scanner. */
export interface AttachmentsConfig {
  maxBytes: number;
  /** Local storage folder and upload staging live under it (`attachments/`, `incoming/`). */
  dataDir: string;
  /** Null: local disk under `<dataDir>/attachments`. */
  s3: {
    bucket: string;
    endpoint: string | null;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
  } | null;
  /** Null: uploads are not scanned. */
  clamav: { host: string; port: number; timeoutMs: number } | null;
}

export interface AuthConfig {
  secrets: AppSecrets;
  publicUrl: string;
  /** Demo accounts may sign in only while the demo data is switched on. */
  demoData: boolean;
  oidc: { issuerUrl: string; clientId: string; clientSecret: string; displayName: string } | null;
  allowedOrigins: string[];
}

/**
 * Namespaced configuration (`config.getOrThrow<HttpConfig>('http')`), built from the validated
 * environment only: nothing else in the API reads `process.env`.
 */
export function configSections(env: Env, databaseUrl: string, secrets: AppSecrets) {
  return [
    registerAs(
      'auth',
      (): AuthConfig => ({
        secrets,
        publicUrl: env.PUBLIC_URL,
        demoData: env.DEMO_DATA,
        oidc:
          env.OIDC_ISSUER_URL && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
            ? {
                issuerUrl: env.OIDC_ISSUER_URL,
                clientId: env.OIDC_CLIENT_ID,
                clientSecret: env.OIDC_CLIENT_SECRET,
                displayName: env.OIDC_DISPLAY_NAME,
              }
            : null,
        allowedOrigins: [new URL(env.PUBLIC_URL).origin, ...env.CORS_ORIGINS.map((o) => new URL(o).origin)],
      }),
    ),
    registerAs(
      'http',
      (): HttpConfig => ({
        port: env.PORT,
        host: env.HOST,
        publicUrl: env.PUBLIC_URL,
        corsOrigins: env.CORS_ORIGINS,
        trustProxy: env.TRUST_PROXY,
      }),
    ),
    registerAs(
      'live',
      (): LiveConfig => ({ eventsPerSecond: env.LIVE_EVENTS_PER_SECOND, eventsBurst: env.LIVE_EVENTS_BURST }),
    ),
    registerAs('database', (): DatabaseConfig => ({ url: databaseUrl })),
    registerAs('actions', (): ActionsConfig => ({ reminderIntervalSeconds: env.ACTION_REMINDER_INTERVAL_SECONDS })),
    registerAs('network', (): NetworkConfig => ({ purgeRejectedAfterDays: env.NETWORK_PURGE_REJECTED_AFTER_DAYS })),
    registerAs(
      'attachments',
      (): AttachmentsConfig => ({
        maxBytes: env.ATTACHMENT_MAX_BYTES,
        dataDir: env.DATA_DIR,
        s3:
          env.S3_BUCKET && env.S3_ACCESS_KEY && env.S3_SECRET_KEY
            ? {
                bucket: env.S3_BUCKET,
                endpoint: env.S3_ENDPOINT ?? null,
                region: env.S3_REGION,
                accessKeyId: env.S3_ACCESS_KEY,
                secretAccessKey: env.S3_SECRET_KEY,
                forcePathStyle: env.S3_FORCE_PATH_STYLE,
              }
            : null,
        clamav: env.CLAMAV_HOST
          ? { host: env.CLAMAV_HOST, port: env.CLAMAV_PORT, timeoutMs: env.CLAMAV_TIMEOUT_MS }
          : null,
      }),
    ),
    registerAs(
      'app',
      (): AppConfig => ({
        demoData: env.DEMO_DATA,
        dataDir: env.DATA_DIR,
        logLevel: env.LOG_LEVEL,
        nodeEnv: env.NODE_ENV,
      }),
    ),
  ];
}
