export * from './lib/web-council-data-access/web-council-data-access';
