import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import {
  ContactDetailsResponse,
  ContactViewsResponse,
  DirectoryResponse,
  NetworkProfile,
  PersonalDataExport,
} from '@kengash/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NetworkThrottleGuard } from './network-throttle.guard';
import { NetworkProfileService } from './network-profile.service';

const ip = (req: FastifyRequest) => req.ip ?? null;

/**
 * Revealing contact details: per viewer (the `account` throttler, keyed by the signed-in person) and, more
 * generously, per client address (`ip`). Modest: looking up a colleague now and then, not harvesting.
 */
export const CONTACT_LIMITS = {
  ip: { limit: 120, ttl: 60 * 60_000, blockDuration: 15 * 60_000 },
  account: {
    limit: 30,
    ttl: 60 * 60_000,
    blockDuration: 15 * 60_000,
    getTracker: (req: Record<string, unknown>) =>
      `viewer:${(req as { principal?: Principal | null }).principal?.userId ?? String(req['ip'] ?? 'unknown')}`,
  },
};

/**
 * Practitioners' profiles and the directory (issue 9). Routes open to signed-in people; the service decides
 * per person: the own-profile routes answer 404 to people without an active network membership, the directory
 * 403 to observers and to anyone who is neither in the network, the council nor the secretariat.
 */
@ApiTags('network')
@Controller('network')
export class NetworkProfileController {
  constructor(private readonly profiles: NetworkProfileService) {}

  @Get('profile')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'My network profile, every field with its visibility (accepted practitioners)' })
  get(@CurrentPrincipal() p: Principal): Promise<NetworkProfile> {
    return this.profiles.getProfile(p);
  }

  @Put('profile')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Edit my profile and who sees each field (409 when the version is stale)' })
  update(@CurrentPrincipal() p: Principal, @Body() body: unknown, @Req() req: FastifyRequest): Promise<NetworkProfile> {
    return this.profiles.updateProfile(p, body, ip(req));
  }

  @Get('profile/contact-views')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Who viewed my contact details, newest first' })
  contactViews(@CurrentPrincipal() p: Principal): Promise<ContactViewsResponse> {
    return this.profiles.contactViews(p);
  }

  @Get('profile/export')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Download everything Kengash holds about me (JSON attachment; audited)' })
  async export(
    @CurrentPrincipal() p: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonalDataExport> {
    const data = await this.profiles.exportData(p, ip(req));
    void reply.header(
      'content-disposition',
      `attachment; filename="kengash-personal-data-${data.exportedAt.slice(0, 10)}.json"`,
    );
    void reply.header('cache-control', 'no-store');
    return data;
  }

  @Post('profile/erase')
  @HttpCode(204)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Erase my account for good (body {"confirm":"ERASE"}); authored content stays anonymous' })
  erase(@CurrentPrincipal() p: Principal, @Body() body: unknown, @Req() req: FastifyRequest): Promise<void> {
    return this.profiles.erase(p, body, ip(req));
  }

  @Get('directory')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Search the directory: only the fields (and filters) the viewer may see' })
  directory(@CurrentPrincipal() p: Principal, @Query() query: unknown): Promise<DirectoryResponse> {
    return this.profiles.directory(p, query);
  }

  @Post('directory/:userId/contact')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @UseGuards(NetworkThrottleGuard)
  @Throttle(CONTACT_LIMITS)
  @ApiOperation({ summary: "Reveal a person's contact details visible to me (logged; the person sees the log)" })
  contact(
    @CurrentPrincipal() p: Principal,
    @Param('userId', new ParseUUIDPipe()) userId: string,
  ): Promise<ContactDetailsResponse> {
    return this.profiles.contact(p, userId);
  }
}
