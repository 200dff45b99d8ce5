export * from './lib/base64';
export * from './lib/client-id';
export * from './lib/live-call-error';
export * from './lib/live-meeting-api.service';
export * from './lib/live-notes';
export * from './lib/meeting-room.service';
export * from './lib/text-diff';
