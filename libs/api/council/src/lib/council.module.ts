import { AuditModule } from '@kengash/api-audit';
import { Module } from '@nestjs/common';
import { MembershipService } from './membership.service';
import { CouncilController } from './council.controller';
import { CouncilService } from './council.service';

@Module({
  controllers: [CouncilController],
  imports: [AuditModule],
  providers: [CouncilService, MembershipService],
  exports: [CouncilService],
})
export class CouncilModule {}
