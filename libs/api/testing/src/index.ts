export * from './lib/test-database';
export * from './lib/migrated-data-source';
export * from './lib/api-process';
export * from './lib/clamd-server';
