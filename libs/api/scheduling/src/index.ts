export * from './lib/session.entity';
export * from './lib/agenda-item.entity';
export * from './lib/scheduling.entities';

import { AgendaItemEntity } from './lib/agenda-item.entity';
import { CalendarFeedEntity, InvitationEntity, SessionOverrideEntity } from './lib/scheduling.entities';
import { SessionEntity } from './lib/session.entity';
export const SCHEDULING_ENTITIES = [
  SessionEntity,
  AgendaItemEntity,
  SessionOverrideEntity,
  InvitationEntity,
  CalendarFeedEntity,
];
export * from './lib/scheduling.module';
export * from './lib/session-view-extensions';
export * from './lib/recurrence/recurrence';
