import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit log. Needs the application's TypeORM DataSource (TypeOrmModule.forRoot). */
@Module({
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
