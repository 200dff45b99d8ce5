export * from './lib/council.entity';
export * from './lib/working-group.entity';
export * from './lib/group-membership.entity';
export * from './lib/council.service';
export * from './lib/council.module';
export * from './lib/chairmanship.entity';
export * from './lib/work-plan.entity';

import { CouncilEntity } from './lib/council.entity';
import { GroupMembershipEntity } from './lib/group-membership.entity';
import { WorkingGroupEntity } from './lib/working-group.entity';
import { ChairmanshipEntity } from './lib/chairmanship.entity';
import {
  WorkPlanCommentEntity,
  WorkPlanEntity,
  WorkPlanItemEntity,
  WorkPlanItemGroupEntity,
  WorkPlanItemSessionEntity,
} from './lib/work-plan.entity';
export const COUNCIL_ENTITIES = [
  CouncilEntity,
  ChairmanshipEntity,
  WorkingGroupEntity,
  GroupMembershipEntity,
  WorkPlanEntity,
  WorkPlanItemEntity,
  WorkPlanItemGroupEntity,
  WorkPlanItemSessionEntity,
  WorkPlanCommentEntity,
];
export * from './lib/group-access.service';
