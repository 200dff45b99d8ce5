export * from './lib/audit.types';
export * from './lib/audit-event.entity';
export { canonicalJson, computeAuditHash, GENESIS_HASH, redactSecrets } from './lib/audit-hash';
export type { AuditHashedFields, JsonObject, JsonValue } from './lib/audit-hash';
export * from './lib/audit.service';
export * from './lib/verify-audit-chain';
export * from './lib/audit.module';

import { AuditEventEntity } from './lib/audit-event.entity';
export const AUDIT_ENTITIES = [AuditEventEntity];
