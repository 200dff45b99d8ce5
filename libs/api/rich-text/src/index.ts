export * from './lib/rich-text';
