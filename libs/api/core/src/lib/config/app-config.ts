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
