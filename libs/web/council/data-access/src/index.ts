export * from './lib/council-api.service';
export * from './lib/sessions-api.service';
