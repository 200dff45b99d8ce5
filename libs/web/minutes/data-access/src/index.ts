export * from './lib/minutes-api.service';
