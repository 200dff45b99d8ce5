import { AppSecrets, CoreModule, Env } from '@kengash/api-core';
import { IdentityModule } from '@kengash/api-identity';
import { CouncilModule } from '@kengash/api-council';
import { LiveMeetingModule } from '@kengash/api-live-meeting';
import { MinutesModule } from '@kengash/api-minutes';
import { NetworkModule } from '@kengash/api-network';
import { NotificationsModule } from '@kengash/api-notifications';
import { PracticesModule } from '@kengash/api-practices';
import { SchedulingModule } from '@kengash/api-scheduling';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ENTITIES } from './entities';

@Module({})
export class AppModule {
  static forRoot(env: Env, databaseUrl: string, secrets: AppSecrets): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ env, databaseUrl, secrets, entities: ENTITIES }),
        DiscoveryModule,
        IdentityModule,
        CouncilModule,
        SchedulingModule,
        NotificationsModule,
        LiveMeetingModule,
        MinutesModule,
        PracticesModule,
        NetworkModule,
      ],
    };
  }
}
