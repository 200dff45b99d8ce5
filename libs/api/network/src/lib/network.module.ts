import { AuditModule } from '@kengash/api-audit';
import { NotificationsModule } from '@kengash/api-notifications';
import { Module } from '@nestjs/common';
import { NetworkController } from './network.controller';
import { NetworkProfileController } from './network-profile.controller';
import { NetworkProfileService } from './network-profile.service';
import { NetworkThrottleGuard } from './network-throttle.guard';
import { NetworkService } from './network.service';
import { NetworkAnnouncementsService } from './network-announcements.service';
import { NetworkJobsService } from './network-jobs.service';
import { NetworkLifeController } from './network-life.controller';
import { NetworkStatisticsService } from './network-statistics.service';

/** The practitioners' network (issue 9): applications and vetting. Rate limits use identity's throttlers. */
@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [NetworkController, NetworkProfileController, NetworkLifeController],
  providers: [
    NetworkService,
    NetworkProfileService,
    NetworkThrottleGuard,
    NetworkAnnouncementsService,
    NetworkStatisticsService,
    NetworkJobsService,
  ],
  exports: [NetworkService, NetworkProfileService, NetworkJobsService],
})
export class NetworkModule {}
