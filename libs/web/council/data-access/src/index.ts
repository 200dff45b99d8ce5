export * from './lib/council-api.service';
