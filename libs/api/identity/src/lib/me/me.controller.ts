import { CurrentUser, RecoveryCodesResponse, TotpEnrolmentResponse } from '@kengash/contracts';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Can } from '@kengash/api-core';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { Action } from '@kengash/api-core';
import type { Principal } from '../access/principal';
import { ChangePasswordDto, TotpCodeDto, UpdateProfileDto } from './me.dto';
import { MeService } from './me.service';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Can(Action.Self)
  @ApiOperation({ summary: 'The signed-in person' })
  get(@CurrentPrincipal() principal: Principal): Promise<CurrentUser> {
    return this.me.me(principal);
  }

  @Patch()
  @Can(Action.Self)
  @ApiOperation({ summary: 'Change display name, language or time zone' })
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateProfileDto): Promise<CurrentUser> {
    return this.me.update(principal, body);
  }

  @Post('password')
  @HttpCode(204)
  @Can(Action.Self)
  @ApiOperation({ summary: 'Change password (needs the current one)' })
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    return this.me.changePassword(principal, body.currentPassword, body.newPassword, req.ip ?? null);
  }

  @Post('email/verification')
  @HttpCode(202)
  @Can(Action.Self)
  @ApiOperation({ summary: 'E-mail a link that confirms the address (48 hours, single use)' })
  requestVerification(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.me.requestEmailVerification(principal);
  }

  @Post('totp/enrol')
  @Can(Action.Self)
  @ApiOperation({ summary: 'Start 2FA set-up: a secret and its QR code' })
  enrol(@CurrentPrincipal() principal: Principal): Promise<TotpEnrolmentResponse> {
    return this.me.enrolTotp(principal);
  }

  @Post('totp/confirm')
  @Can(Action.Self)
  @ApiOperation({ summary: 'Turn 2FA on with a code from the new secret; returns recovery codes once' })
  confirm(
    @CurrentPrincipal() principal: Principal,
    @Body() body: TotpCodeDto,
    @Req() req: FastifyRequest,
  ): Promise<RecoveryCodesResponse> {
    return this.me.confirmTotp(principal, body.code, req.ip ?? null);
  }

  @Delete('totp')
  @HttpCode(204)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Turn 2FA off (needs a current code)' })
  disable(
    @CurrentPrincipal() principal: Principal,
    @Body() body: TotpCodeDto,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    return this.me.disableTotp(principal, body.code, req.ip ?? null);
  }
}
