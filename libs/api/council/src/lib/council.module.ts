import { AuditModule } from '@kengash/api-audit';
import { Module } from '@nestjs/common';
import { CouncilController } from './council.controller';
import { CouncilService } from './council.service';
import { DashboardService } from './dashboard.service';
import { GroupAccessService } from './group-access.service';
import { MembershipService } from './membership.service';
import { WorkPlanController } from './work-plan.controller';
import { WorkPlanService } from './work-plan.service';

@Module({
  imports: [AuditModule],
  controllers: [CouncilController, WorkPlanController],
  providers: [CouncilService, GroupAccessService, MembershipService, WorkPlanService, DashboardService],
  exports: [CouncilService, GroupAccessService],
})
export class CouncilModule {}
