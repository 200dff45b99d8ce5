export * from './lib/notification.entity';
export * from './lib/notification-bus.service';
export * from './lib/notifications.service';
export * from './lib/preferences.service';
export * from './lib/preferences';
export * from './lib/digest.service';
export * from './lib/notifications.module';

import { NotificationEntity, NotificationPreferenceEntity } from './lib/notification.entity';
export const NOTIFICATION_ENTITIES = [NotificationEntity, NotificationPreferenceEntity];
