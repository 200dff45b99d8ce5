import type {} from '@fastify/cookie';
import { Action, Can } from '@kengash/api-core';
import { SsoInfo } from '@kengash/contracts';
import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthThrottleGuard } from '../auth/auth-throttle.guard';
import { setRefreshCookie } from '../auth/refresh-cookie';
import { SSO_COOKIE, SSO_COOKIE_PATH, SsoError, SsoService } from './sso.service';

const COMPLETE_PAGE = '/sign-in/sso-complete';

@ApiTags('auth')
@Controller('auth/sso')
export class SsoController {
  constructor(private readonly sso: SsoService) {}

  @Get()
  @Can(Action.Public)
  @ApiOperation({ summary: 'Whether single sign-on is available, and its button label' })
  info(): SsoInfo {
    return this.sso.info();
  }

  @Get('start')
  @Can(Action.Public)
  @UseGuards(AuthThrottleGuard)
  @ApiOperation({ summary: 'Redirects to the identity provider (authorization code + PKCE)' })
  async start(@Res() reply: FastifyReply): Promise<void> {
    const { url, flowCookie } = await this.sso.start();
    void reply
      .setCookie(SSO_COOKIE, flowCookie, {
        httpOnly: true,
        secure: 'auto',
        sameSite: 'lax',
        path: SSO_COOKIE_PATH,
        maxAge: 600,
      })
      .redirect(url, 302);
  }

  @Get('callback')
  @Can(Action.Public)
  @UseGuards(AuthThrottleGuard)
  @ApiOperation({ summary: 'The provider returns here; sets the session cookie and sends the browser to the app' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    void reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH });
    try {
      const session = await this.sso.callback(request.raw, request.cookies?.[SSO_COOKIE], { ip: request.ip ?? null });
      setRefreshCookie(reply, session.refreshToken);
      void reply.redirect(COMPLETE_PAGE, 302);
    } catch (e) {
      if (!(e instanceof SsoError)) throw e;
      void reply.redirect(`${COMPLETE_PAGE}?error=${e.reason}`, 302);
    }
  }
}
