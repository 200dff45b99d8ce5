export * from './lib/api-council.module';
