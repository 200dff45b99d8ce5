import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DataSourceOptions } from 'typeorm';
import { configSections, DatabaseConfig } from './config/app-config';
import type { Env } from './config/env';
import type { AppSecrets } from './config/secrets';
import { typeormOptions } from './database/typeorm-options';
import { createValidationPipe } from './errors/validation';
import { HealthController } from './health/health.controller';
import { JobsService } from './jobs/jobs.service';
import { MailService } from './mail/mail.service';
import { loggerParams } from './logging/logging';

export interface CoreModuleOptions {
  env: Env;
  databaseUrl: string;
  secrets: AppSecrets;
  entities: NonNullable<DataSourceOptions['entities']>;
}

/**
 * Config, logging, database, validation and health. Migrations are applied before the module starts
 * (see apps/api main.ts), under an advisory lock, so instances starting together do not race.
 */

@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: configSections(options.env, options.databaseUrl, options.secrets),
        }),
        LoggerModule.forRoot(loggerParams(options.env.LOG_LEVEL)),
        TypeOrmModule.forRoot({
          ...typeormOptions(options.databaseUrl, options.entities, { runMigrations: false }),
          retryAttempts: 2,
          retryDelay: 1000,
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        {
          provide: MailService,
          useFactory: () => new MailService({ smtpUrl: options.env.SMTP_URL, from: options.env.MAIL_FROM }),
        },
        {
          provide: JobsService,
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            new JobsService({
              url: config.getOrThrow<DatabaseConfig>('database').url,
              // Running handlers get half the shutdown budget; unfinished ones are failed and retried elsewhere.
              shutdownTimeoutMs: Math.max(1000, Math.floor(options.env.SHUTDOWN_TIMEOUT_MS / 2)),
            }),
        },
      ],
      exports: [MailService, JobsService],
    };
  }
}
