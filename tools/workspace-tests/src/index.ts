export * from './lib/workspace-tests';
