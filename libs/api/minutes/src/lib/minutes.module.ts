import { AuditModule } from '@kengash/api-audit';
import { LiveMeetingModule } from '@kengash/api-live-meeting';
import { SchedulingModule } from '@kengash/api-scheduling';
import { Module } from '@nestjs/common';
import { ActionReminderService } from './actions/action-reminder.service';
import { ActionsController } from './actions/actions.controller';
import { ActionsService } from './actions/actions.service';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { MinutesController } from './minutes.controller';
import { MinutesService } from './minutes.service';

@Module({
  imports: [AuditModule, SchedulingModule, LiveMeetingModule],
  controllers: [MinutesController, DecisionsController, ActionsController],
  providers: [MinutesService, DecisionsService, ActionsService, ActionReminderService],
  exports: [MinutesService],
})
export class MinutesModule {}
