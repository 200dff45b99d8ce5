export * from './lib/network-api.service';
