export * from './lib/minutes.entities';
export * from './lib/minutes.module';
export * from './lib/minutes.service';
export * from './lib/content';
export * from './lib/actions';
