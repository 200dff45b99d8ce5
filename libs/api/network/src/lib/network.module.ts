import { AuditModule } from '@kengash/api-audit';
import { Module } from '@nestjs/common';
import { NetworkController } from './network.controller';
import { NetworkThrottleGuard } from './network-throttle.guard';
import { NetworkService } from './network.service';

/** The practitioners' network (issue 9): applications and vetting. Rate limits use identity's throttlers. */
@Module({
  imports: [AuditModule],
  controllers: [NetworkController],
  providers: [NetworkService, NetworkThrottleGuard],
  exports: [NetworkService],
})
export class NetworkModule {}
