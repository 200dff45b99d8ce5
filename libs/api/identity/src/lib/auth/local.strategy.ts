import { ValidationDomainException, toFieldErrors } from '@kengash/api-core';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { UserEntity } from '../entities/user.entity';
import { SignInDto } from './auth.dto';
import { AuthService } from './auth.service';

/**
 * E-mail + password. Guards run before pipes, so the body is validated here (400 with field errors)
 * before the password is checked.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<UserEntity> {
    const dto = plainToInstance(SignInDto, request.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new ValidationDomainException(toFieldErrors(errors));
    return this.auth.validatePassword(email, password, { ip: request.ip ?? null });
  }
}
