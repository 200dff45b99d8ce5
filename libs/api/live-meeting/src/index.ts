export * from './lib/live.gateway';
export * from './lib/live-meeting.module';
export * from './lib/live-io.adapter';
export * from './lib/live.entities';
export * from './lib/meeting.service';
export * from './lib/minutes-vote';
