import { registerAs } from '@nestjs/config';
import type { Env } from './env';

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

/**
 * Namespaced configuration (`config.getOrThrow<HttpConfig>('http')`), built from the validated
 * environment only: nothing else in the API reads `process.env`.
 */
export function configSections(env: Env, databaseUrl: string) {
  return [
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
    registerAs('database', (): DatabaseConfig => ({ url: databaseUrl })),
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
