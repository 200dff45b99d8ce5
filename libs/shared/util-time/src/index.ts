export * from './lib/world-clock';
