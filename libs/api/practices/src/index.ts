export * from './lib/practice.entities';
export * from './lib/practices.module';
export * from './lib/practices.service';
export * from './lib/practice-search.service';
export * from './lib/practice-input';
export * from './lib/attachments/attachment-storage';
export * from './lib/attachments/virus-scanner';
export * from './lib/attachments/attachments.service';
