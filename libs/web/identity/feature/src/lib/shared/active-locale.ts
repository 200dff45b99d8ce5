/** The UI language as a signal: one implementation for every screen, in the shared UI library. */
export { injectActiveLocale } from '@kengash/web-shared-ui';
