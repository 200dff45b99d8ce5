import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import {
  ApplicationFormResponse,
  ApplicationStatusView,
  NetworkApplicationListResponse,
  NetworkApplicationReceipt,
  NetworkApplicationView,
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
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { APPLICATION_LIMITS, NetworkThrottleGuard, PUBLIC_READ_LIMITS } from './network-throttle.guard';
import { NetworkService } from './network.service';

const ip = (req: FastifyRequest) => req.ip ?? null;
const uuid = () => new ParseUUIDPipe();

/**
 * The practitioners' network, first slice: the public application (no account), the applicant's status link,
 * and vetting by the country's focal point and the secretariat. Who may vet which application is decided in
 * the service (focal points: their country only; others: 404).
 */
@ApiTags('network')
@Controller('network')
export class NetworkController {
  constructor(private readonly network: NetworkService) {}

  @Get('application-form')
  @Can(Action.Public)
  @UseGuards(NetworkThrottleGuard)
  @Throttle(PUBLIC_READ_LIMITS)
  @ApiOperation({ summary: 'A signed form token for the public application (send it back no sooner than minSeconds)' })
  form(): ApplicationFormResponse {
    return this.network.form();
  }

  @Post('applications')
  @Can(Action.Public)
  @UseGuards(NetworkThrottleGuard)
  @Throttle(APPLICATION_LIMITS)
  @ApiOperation({ summary: 'Apply to the network (no account); the status link is sent by e-mail' })
  apply(@Body() body: unknown, @Req() req: FastifyRequest): Promise<NetworkApplicationReceipt> {
    return this.network.apply(body, ip(req));
  }

  @Get('applications/status')
  @Can(Action.Public)
  @UseGuards(NetworkThrottleGuard)
  @Throttle(PUBLIC_READ_LIMITS)
  @ApiOperation({ summary: "The applicant's status page (the token from the e-mail); the reason when shareable" })
  status(@Query('token') token: unknown): Promise<ApplicationStatusView> {
    return this.network.statusByToken(token);
  }

  @Get('applications')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'The vetting queue: everything for the secretariat, their country for a focal point' })
  list(@CurrentPrincipal() p: Principal, @Query('status') status: unknown): Promise<NetworkApplicationListResponse> {
    return this.network.list(p, status);
  }

  @Get('applications/:id')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'One application (404 for a focal point of another country)' })
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<NetworkApplicationView> {
    return this.network.get(p, id);
  }

  @Post('applications/:id/endorse')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: "Endorse a submitted application (the focal point of the applicant's country)" })
  endorse(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ): Promise<NetworkApplicationView> {
    return this.network.endorse(p, id, body, ip(req));
  }

  @Post('applications/:id/decision')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Accept (invites a practitioner account) or reject, with a written reason (secretariat)' })
  decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ): Promise<NetworkApplicationView> {
    return this.network.decide(p, id, body, ip(req));
  }

  @Post('applications/:id/suspend')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Suspend an accepted practitioner (secretariat; their account is disabled)' })
  suspend(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ): Promise<NetworkApplicationView> {
    return this.network.suspend(p, id, body, ip(req));
  }

  @Post('applications/:id/leave')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Record that a practitioner left the network (secretariat; their account is disabled)' })
  leave(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ): Promise<NetworkApplicationView> {
    return this.network.leave(p, id, body, ip(req));
  }

  @Put('applications/:id/revet-due')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Set the re-vetting date of an accepted practitioner (secretariat)' })
  revetDue(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ): Promise<NetworkApplicationView> {
    return this.network.setRevetDue(p, id, body, ip(req));
  }
}
