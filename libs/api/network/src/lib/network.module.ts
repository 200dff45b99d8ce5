import { AuditModule } from '@kengash/api-audit';
import { Module } from '@nestjs/common';
import { NetworkController } from './network.controller';
import { NetworkProfileController } from './network-profile.controller';
import { NetworkProfileService } from './network-profile.service';
import { NetworkThrottleGuard } from './network-throttle.guard';
import { NetworkService } from './network.service';

/** The practitioners' network (issue 9): applications and vetting. Rate limits use identity's throttlers. */
@Module({
  imports: [AuditModule],
  controllers: [NetworkController, NetworkProfileController],
  providers: [NetworkService, NetworkProfileService, NetworkThrottleGuard],
  exports: [NetworkService, NetworkProfileService],
})
export class NetworkModule {}
