import { typeormOptions } from '@kengash/api-core';
import { DataSource, DataSourceOptions } from 'typeorm';
import { createTestDatabase, TestDatabase } from './test-database';

export interface MigratedDatabase {
  dataSource: DataSource;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * A fresh database with every migration applied, as the API would have it at start. `entities` are the
 * ones the test uses (this lib depends on no domain, so domains can use it in their own tests).
 */
export async function createMigratedDatabase(
  label: string,
  entities: NonNullable<DataSourceOptions['entities']>,
): Promise<MigratedDatabase> {
  const database = await createTestDatabase(label);
  const dataSource = new DataSource(typeormOptions(database.url, entities, { runMigrations: false }));
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
