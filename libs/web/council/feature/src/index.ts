export * from './lib/web-council-feature/web-council-feature';
