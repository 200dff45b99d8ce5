import { DevMailboxController } from './dev-mailbox.controller';
import { Global, Module } from '@nestjs/common';
import { DigestService } from './digest.service';
import { NotificationBusService } from './notification-bus.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotificationPreferencesService } from './preferences.service';

/**
 * In-app notifications, e-mail per preferences and the daily digest. Global so that any domain can
 * `notify()` and the live gateway can push `NotificationBusService.created$`.
 */
@Global()
@Module({
  controllers: [NotificationsController, DevMailboxController],
  providers: [NotificationsService, NotificationPreferencesService, NotificationBusService, DigestService],
  exports: [NotificationsService, NotificationPreferencesService, NotificationBusService],
})
export class NotificationsModule {}
