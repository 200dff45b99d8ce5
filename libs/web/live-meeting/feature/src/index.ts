export * from './lib/room/live-room.component';
export * from './lib/minutes/minutes-draft.component';
export * from './lib/meetings/live-meetings.component';
