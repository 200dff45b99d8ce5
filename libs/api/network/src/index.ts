export * from './lib/network-application.entity';
export * from './lib/network-profile.entity';
export * from './lib/network-visibility';
export * from './lib/network.module';
export * from './lib/network.service';
export * from './lib/form-token';
export * from './lib/network-announcement.entity';
export * from './lib/network-announcements.service';
export * from './lib/network-jobs.service';
export * from './lib/network-statistics';
export * from './lib/network-statistics.service';

import { NetworkApplicationEntity } from './lib/network-application.entity';
import { NetworkContactViewEntity, NetworkProfileEntity } from './lib/network-profile.entity';
import { NetworkAnnouncementEntity } from './lib/network-announcement.entity';
export const NETWORK_ENTITIES = [
  NetworkApplicationEntity,
  NetworkProfileEntity,
  NetworkContactViewEntity,
  NetworkAnnouncementEntity,
];
