export * from './lib/network-application.entity';
export * from './lib/network-profile.entity';
export * from './lib/network-visibility';
export * from './lib/network.module';
export * from './lib/network.service';
export * from './lib/form-token';

import { NetworkApplicationEntity } from './lib/network-application.entity';
import { NetworkContactViewEntity, NetworkProfileEntity } from './lib/network-profile.entity';
export const NETWORK_ENTITIES = [NetworkApplicationEntity, NetworkProfileEntity, NetworkContactViewEntity];
