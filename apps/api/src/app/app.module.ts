import { CoreModule, Env } from '@kengash/api-core';
import { CouncilModule } from '@kengash/api-council';
import { LiveMeetingModule } from '@kengash/api-live-meeting';
import { SchedulingModule } from '@kengash/api-scheduling';
import { DynamicModule, Module } from '@nestjs/common';
import { ENTITIES } from './entities';

@Module({})
export class AppModule {
  static forRoot(env: Env, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ env, databaseUrl, entities: ENTITIES }),
        CouncilModule,
        SchedulingModule,
        LiveMeetingModule,
      ],
    };
  }
}
