import { InvitationPreview, SessionResponse, SignInResponse } from '@kengash/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Can } from '@kengash/api-core';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { Action } from '@kengash/api-core';
import type { Principal } from '../access/principal';
import { UserEntity } from '../entities/user.entity';
import { AuthThrottleGuard } from './auth-throttle.guard';
import { PasswordResetRequestDto, SignInDto, TokenAndPasswordDto, TotpSignInDto, VerifyEmailDto } from './auth.dto';
import { AuthService, IssuedSession } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

const meta = (request: FastifyRequest) => ({ ip: request.ip ?? null });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  private send(reply: FastifyReply, session: IssuedSession): SessionResponse {
    setRefreshCookie(reply, session.refreshToken);
    return session.response;
  }

  @Post('sign-in')
  @HttpCode(200)
  @Can(Action.Public)
  @UseGuards(AuthThrottleGuard, LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with e-mail and password; answers a session or a TOTP challenge' })
  async signIn(
    @Body() _body: SignInDto,
    @Req() request: FastifyRequest & { user: UserEntity },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    const { result, refreshToken } = await this.auth.afterPassword(request.user, meta(request));
    if (refreshToken) setRefreshCookie(reply, refreshToken);
    return result;
  }

  @Post('sign-in/totp')
  @HttpCode(200)
  @Can(Action.Public)
  @UseGuards(AuthThrottleGuard)
  @ApiOperation({ summary: 'Second step: a TOTP code or a recovery code' })
  async signInTotp(
    @Body() body: TotpSignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    return this.send(
      reply,
      await this.auth.completeTotp(body.challengeToken, body.code, body.recoveryCode, meta(request)),
    );
  }

  @Post('refresh')
  @HttpCode(200)
  @Can(Action.Public)
  @ApiOperation({ summary: 'New access token from the refresh cookie (rotates it; reuse revokes the family)' })
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    try {
      return this.send(reply, await this.auth.refresh(readRefreshCookie(request), meta(request)));
    } catch (e) {
      clearRefreshCookie(reply);
      throw e;
    }
  }

  @Post('sign-out')
  @HttpCode(204)
  @Can(Action.Self)
  @ApiOperation({ summary: 'End this session (its refresh-token family)' })
  async signOut(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(principal.familyId, principal.userId, meta(request));
    clearRefreshCookie(reply);
  }

  @Post('password-reset/request')
  @HttpCode(202)
  @Can(Action.Public)
  @UseGuards(AuthThrottleGuard)
  @ApiOperation({ summary: 'E-mail a reset link (always 202: no answer reveals whether the account exists)' })
  async requestReset(@Body() body: PasswordResetRequestDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.requestPasswordReset(body.email, meta(request));
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @Can(Action.Public)
  @UseGuards(AuthThrottleGuard)
  @ApiOperation({ summary: 'Set a new password with the e-mailed single-use token (30 minutes)' })
  async confirmReset(@Body() body: TokenAndPasswordDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.confirmPasswordReset(body.token, body.password, meta(request));
  }

  @Get('invitations/:token')
  @Can(Action.Public)
  @UseGuards(AuthThrottleGuard)
  @ApiOperation({ summary: 'Who an invitation is for' })
  previewInvitation(@Param('token') token: string): Promise<InvitationPreview> {
    return this.auth.previewInvitation(token);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @Can(Action.Public)
  @UseGuards(AuthThrottleGuard)
  @ApiOperation({ summary: 'Accept an invitation by setting a password; signs in' })
  async acceptInvitation(
    @Body() body: TokenAndPasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    return this.send(reply, await this.auth.acceptInvitation(body.token, body.password, meta(request)));
  }

  @Post('email/verify')
  @HttpCode(204)
  @Can(Action.Public)
  @UseGuards(AuthThrottleGuard)
  @ApiOperation({ summary: 'Confirm an e-mail address with the e-mailed token' })
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    await this.auth.verifyEmail(body.token);
  }
}
