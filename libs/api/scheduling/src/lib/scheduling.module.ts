import { AuditModule } from '@kengash/api-audit';
import { CouncilModule } from '@kengash/api-council';
import { NotificationsModule } from '@kengash/api-notifications';
import { Module } from '@nestjs/common';
import { CalendarFeedService } from './calendar-feed.service';
import { ReminderService } from './reminder.service';
import { SessionService } from './session.service';
import { SessionViewExtensions } from './session-view-extensions';
import { CalendarController, SessionsController } from './sessions.controller';
import { SlotFinderService } from './slot-finder.service';
import { TimeController } from './time.controller';

@Module({
  imports: [AuditModule, CouncilModule, NotificationsModule],
  controllers: [TimeController, SessionsController, CalendarController],
  providers: [SessionService, SessionViewExtensions, SlotFinderService, CalendarFeedService, ReminderService],
  exports: [SessionService, SessionViewExtensions],
})
export class SchedulingModule {}
