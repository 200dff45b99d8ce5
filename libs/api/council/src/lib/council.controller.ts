import { Action, Can } from '@kengash/api-core';
import { WorkingGroupListResponse } from '@kengash/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import type { FastifyRequest } from 'fastify';
import { AddMembershipDto } from './membership.dto';
import { MembershipService } from './membership.service';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CouncilService } from './council.service';

@ApiTags('council')
@Controller('council')
export class CouncilController {
  constructor(
    private readonly council: CouncilService,
    private readonly memberships: MembershipService,
  ) {}

  @Get('groups')
  @Can(Action.Public)
  @ApiOperation({ summary: 'The council and its working groups (public: names, themes, mandates, size)' })
  @ApiOkResponse({ description: 'The council and its working groups' })
  listGroups(): Promise<WorkingGroupListResponse> {
    return this.council.listGroups();
  }

  @Post('groups/:groupId/members')
  @Can(Action.ManageUsers)
  @ApiOperation({ summary: 'Give a person a role in a working group for a term (audited)' })
  addMember(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ParseUUIDPipe()) groupId: string,
    @Body() body: AddMembershipDto,
    @Req() req: FastifyRequest,
  ): Promise<{ id: string }> {
    return this.memberships.add(actor.userId, groupId, body, req.ip ?? null);
  }

  @Delete('groups/:groupId/members/:userId')
  @HttpCode(204)
  @Can(Action.ManageUsers)
  @ApiOperation({ summary: 'End a person’s membership of a working group now (audited; live access ends at once)' })
  removeMember(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ParseUUIDPipe()) groupId: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    return this.memberships.remove(actor.userId, groupId, userId, req.ip ?? null);
  }
}
