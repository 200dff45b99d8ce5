export * from './lib/world-clock';
export * from './lib/zoned';
