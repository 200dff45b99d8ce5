import { AuditModule } from '@kengash/api-audit';
import { NotificationsModule } from '@kengash/api-notifications';
import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments/attachments.controller';
import { ATTACHMENT_PROVIDERS } from './attachments/attachments.providers';
import { AttachmentsService } from './attachments/attachments.service';
import { PracticeSearchService } from './practice-search.service';
import { PracticesController } from './practices.controller';
import { PracticesService } from './practices.service';

@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [PracticesController, AttachmentsController],
  providers: [PracticesService, PracticeSearchService, AttachmentsService, ...ATTACHMENT_PROVIDERS],
  exports: [PracticesService],
})
export class PracticesModule {}
