import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import { AnnouncementListResponse, AnnouncementView, NetworkStatistics } from '@kengash/contracts';
import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NetworkAnnouncementsService } from './network-announcements.service';
import { NetworkStatisticsService } from './network-statistics.service';

const ip = (req: FastifyRequest) => req.ip ?? null;

/**
 * Network life: the secretariat's announcements and the aggregate statistics. Who may do what is decided in the
 * services by role (403 before the body is read).
 */
@ApiTags('network')
@Controller('network')
export class NetworkLifeController {
  constructor(
    private readonly announcements: NetworkAnnouncementsService,
    private readonly stats: NetworkStatisticsService,
  ) {}

  @Post('announcements')
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: 'Send an announcement to the network (secretariat, admins): in-app and e-mail, in each person’s language',
  })
  announce(
    @CurrentPrincipal() p: Principal,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ): Promise<AnnouncementView> {
    return this.announcements.create(p, body, ip(req));
  }

  @Get('announcements')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'The announcements, newest first, in my language (network members and the council)' })
  list(@CurrentPrincipal() p: Principal): Promise<AnnouncementListResponse> {
    return this.announcements.list(p);
  }

  @Get('statistics')
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: 'Aggregate statistics, every cell below 5 suppressed (secretariat, admins, focal points, council members)',
  })
  statistics(@CurrentPrincipal() p: Principal): Promise<NetworkStatistics> {
    return this.stats.statistics(p);
  }

  @Get('statistics.csv')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'The same statistics as a CSV download (secretariat, admins; audited)' })
  async csv(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const body = await this.stats.csv(p, ip(req));
    const day = new Date().toISOString().slice(0, 10);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="network-statistics-${day}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  }
}
