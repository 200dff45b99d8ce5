import { Module } from '@nestjs/common';
import { LiveGateway } from './live.gateway';
import { MeetingService } from './meeting.service';
import { MinutesVoteRegistry } from './minutes-vote';
import { LiveMeetingsController, MinutesController } from './minutes.controller';
import { PresenceService } from './presence.service';

@Module({
  controllers: [MinutesController, LiveMeetingsController],
  providers: [MeetingService, PresenceService, LiveGateway, MinutesVoteRegistry],
  exports: [MeetingService, MinutesVoteRegistry],
})
export class LiveMeetingModule {}
