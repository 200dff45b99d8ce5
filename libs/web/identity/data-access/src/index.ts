export * from './lib/admin-api.service';
export * from './lib/api-problem';
export * from './lib/auth.interceptor';
export * from './lib/auth.service';
export * from './lib/guards';
export * from './lib/me-api.service';
export * from './lib/provide-auth';
