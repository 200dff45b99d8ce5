import { AuditModule } from '@kengash/api-audit';
import { Module } from '@nestjs/common';
import { PracticeSearchService } from './practice-search.service';
import { PracticesController } from './practices.controller';
import { PracticesService } from './practices.service';

@Module({
  imports: [AuditModule],
  controllers: [PracticesController],
  providers: [PracticesService, PracticeSearchService],
  exports: [PracticesService],
})
export class PracticesModule {}
