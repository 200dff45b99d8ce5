/**
 * CLI-only data source for TypeORM's migration commands (`npm run db:migration:generate -- Name`,
 * `db:migration:check`). The running API never imports this file. Needs DATABASE_URL.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '@kengash/api-core';
import { ENTITIES } from '../app/entities';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL must point at a scratch PostgreSQL database for migration commands');

export default new DataSource(typeormOptions(url, ENTITIES, { runMigrations: false }));
