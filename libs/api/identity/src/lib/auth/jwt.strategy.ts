import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '../access/principal';
import { PrincipalService } from '../access/principal.service';
import { type AccessClaims, accessKey } from '../tokens/token.service';

/** Bearer access tokens (REST). Socket.IO uses the same verification through `PrincipalService`. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ConfigService,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken takes a KeyObject (see `accessKey`); passport-jwt's types only name string and Buffer.
      secretOrKey: accessKey(config) as unknown as Buffer,
      ignoreExpiration: false,
      algorithms: ['HS256'],
    });
  }

  async validate(claims: AccessClaims): Promise<Principal | false> {
    if (claims.typ !== 'access') return false;
    return (await this.principals.fromClaims(claims)) ?? false;
  }
}
