import { typeormOptions } from '@kengash/api-core';
import { COUNCIL_ENTITIES } from '@kengash/api-council';
import { IDENTITY_ENTITIES } from '@kengash/api-identity';
import { SCHEDULING_ENTITIES } from '@kengash/api-scheduling';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './test-database';

export const ALL_ENTITIES = [...IDENTITY_ENTITIES, ...COUNCIL_ENTITIES, ...SCHEDULING_ENTITIES];

export interface MigratedDatabase {
  dataSource: DataSource;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A fresh database with every migration applied, as the API would have it at start. */
export async function createMigratedDatabase(label: string): Promise<MigratedDatabase> {
  const database = await createTestDatabase(label);
  const dataSource = new DataSource(typeormOptions(database.url, ALL_ENTITIES, { runMigrations: false }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    database,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
