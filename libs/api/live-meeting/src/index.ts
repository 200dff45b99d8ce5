export * from './lib/api-live-meeting.module';
