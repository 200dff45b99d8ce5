export * from './lib/user.entity';

import { UserEntity } from './lib/user.entity';
export const IDENTITY_ENTITIES = [UserEntity];
