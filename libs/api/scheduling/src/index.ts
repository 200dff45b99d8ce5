export * from './lib/session.entity';
export * from './lib/agenda-item.entity';

import { AgendaItemEntity } from './lib/agenda-item.entity';
import { SessionEntity } from './lib/session.entity';
export const SCHEDULING_ENTITIES = [SessionEntity, AgendaItemEntity];
export * from './lib/scheduling.module';
