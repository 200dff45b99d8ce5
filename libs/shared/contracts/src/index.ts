export * from './lib/errors';
export * from './lib/locale';
export * from './lib/council';
export * from './lib/time';
export * from './lib/health';
export * from './lib/live';
export * from './lib/identity';
export * from './lib/scheduling';
