export * from './lib/practices-api.service';
