export * from './lib/entities/user.entity';
export * from './lib/entities/refresh-token.entity';
export * from './lib/entities/one-time-token.entity';
export * from './lib/entities/recovery-code.entity';
export * from './lib/entities/sso-identity.entity';
export * from './lib/entities/break-glass-grant.entity';
export * from './lib/access/principal';
export * from './lib/access/policy';

export * from './lib/access/current-principal.decorator';
export * from './lib/access/principal.service';
export * from './lib/access/access-events.service';
export * from './lib/password/password.service';
export * from './lib/tokens/token.service';
export { AuthService } from './lib/auth/auth.service';
export * from './lib/identity.module';

import { BreakGlassGrantEntity } from './lib/entities/break-glass-grant.entity';
import { OneTimeTokenEntity } from './lib/entities/one-time-token.entity';
import { RecoveryCodeEntity } from './lib/entities/recovery-code.entity';
import { RefreshTokenEntity } from './lib/entities/refresh-token.entity';
import { SsoIdentityEntity } from './lib/entities/sso-identity.entity';
import { UserEntity } from './lib/entities/user.entity';
export const IDENTITY_ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  OneTimeTokenEntity,
  RecoveryCodeEntity,
  SsoIdentityEntity,
  BreakGlassGrantEntity,
];
