import { AuditModule } from '@kengash/api-audit';
import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { MinutesController } from './minutes.controller';
import { MinutesService } from './minutes.service';

@Module({
  imports: [AuditModule],
  controllers: [MinutesController, DecisionsController],
  providers: [MinutesService, DecisionsService],
  exports: [MinutesService],
})
export class MinutesModule {}
