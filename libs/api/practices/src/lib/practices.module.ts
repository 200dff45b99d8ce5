import { AuditModule } from '@kengash/api-audit';
import { NotificationsModule } from '@kengash/api-notifications';
import { Module } from '@nestjs/common';
import { PracticeSearchService } from './practice-search.service';
import { PracticesController } from './practices.controller';
import { PracticesService } from './practices.service';

@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [PracticesController],
  providers: [PracticesService, PracticeSearchService],
  exports: [PracticesService],
})
export class PracticesModule {}
