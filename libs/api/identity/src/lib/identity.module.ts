import { AuditModule } from '@kengash/api-audit';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessEventsService } from './access/access-events.service';
import { AccessGuard } from './access/access.guard';
import { PrincipalService } from './access/principal.service';
import { AdminController } from './admin/admin.controller';
import { AdminUsersService } from './admin/admin-users.service';
import { AUTH_THROTTLERS } from './auth/auth-throttle.guard';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { MeController } from './me/me.controller';
import { MeService } from './me/me.service';
import { PasswordService } from './password/password.service';
import { accessKey, TokenService } from './tokens/token.service';
import { TotpService } from './totp/totp.service';
import { SsoController } from './sso/sso.controller';
import { SsoService } from './sso/sso.service';

/**
 * Accounts, sign-in (passport local + JWT), 2FA, sessions, invitations, the access policy and its global
 * guard. Global so every domain can use `PrincipalService` and `AccessEventsService`.
 */
@Global()
@Module({
  imports: [
    PassportModule,
    // The access secret as a KeyObject: jsonwebtoken otherwise tries (and fails) to parse a string secret as a
    // PEM key on every sign and verify, which costs more than the HMAC itself.
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: accessKey(config),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRoot(AUTH_THROTTLERS),
    AuditModule,
  ],
  controllers: [AuthController, SsoController, MeController, AdminController],
  providers: [
    PasswordService,
    TokenService,
    TotpService,
    PrincipalService,
    AccessEventsService,
    AuthService,
    MeService,
    AdminUsersService,
    SsoService,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PrincipalService, AccessEventsService, TokenService, PasswordService, AuthService],
})
export class IdentityModule {}
