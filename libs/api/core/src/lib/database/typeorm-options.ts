import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { MIGRATIONS } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
type EntityList = MixedList<Function | string | EntitySchema>;

/** One place that decides how Kengash talks to PostgreSQL: migrations always, `synchronize` never. */
export function typeormOptions(
  url: string,
  entities: EntityList,
  options: { runMigrations?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto', // gen_random_uuid(), built into PostgreSQL 13+
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsRun: options.runMigrations ?? true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'migration'],
    applicationName: 'kengash-api',
    extra: { max: 10, connectionTimeoutMillis: 10000 },
  };
}
