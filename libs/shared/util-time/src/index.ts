export * from './lib/util-time';
