export * from './lib/council.entity';
export * from './lib/working-group.entity';
export * from './lib/group-membership.entity';
export * from './lib/council.service';
export * from './lib/council.module';

import { CouncilEntity } from './lib/council.entity';
import { GroupMembershipEntity } from './lib/group-membership.entity';
import { WorkingGroupEntity } from './lib/working-group.entity';
export const COUNCIL_ENTITIES = [CouncilEntity, WorkingGroupEntity, GroupMembershipEntity];
