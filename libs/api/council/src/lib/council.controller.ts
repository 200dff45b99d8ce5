import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, OptionalPrincipal, Principal } from '@kengash/api-identity';
import {
  CouncilSettings,
  DashboardResponse,
  GroupMember,
  GroupMembersResponse,
  MemberImportResult,
  WorkingGroupDetail,
  WorkingGroupListResponse,
} from '@kengash/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseBoolPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CreateWorkingGroupDto, UpdateCouncilDto, UpdateWorkingGroupDto } from './council.dto';
import { CouncilService } from './council.service';
import { DashboardService } from './dashboard.service';
import { AddMembershipDto, MemberImportDto, UpdateMembershipDto } from './membership.dto';
import { MembershipService } from './membership.service';

const ip = (req: FastifyRequest) => req.ip ?? null;
const uuid = () => new ParseUUIDPipe();

@ApiTags('council')
@Controller('council')
export class CouncilController {
  constructor(
    private readonly council: CouncilService,
    private readonly memberships: MembershipService,
    private readonly dashboards: DashboardService,
  ) {}

  @Get()
  @Can(Action.Public)
  @ApiOperation({ summary: 'Council settings: name, default time zone, member countries, chairmanships' })
  settings(): Promise<CouncilSettings> {
    return this.council.settings();
  }

  @Patch()
  @Can(Action.ManageCouncil)
  @ApiOperation({ summary: 'Change council settings (secretariat)' })
  updateSettings(
    @CurrentPrincipal() actor: Principal,
    @Body() body: UpdateCouncilDto,
    @Req() req: FastifyRequest,
  ): Promise<CouncilSettings> {
    return this.council.updateSettings(actor, body, ip(req));
  }

  @Get('dashboard')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Progress, upcoming sessions and activity of the groups the caller can see' })
  dashboard(@CurrentPrincipal() principal: Principal): Promise<DashboardResponse> {
    return this.dashboards.dashboard(principal);
  }

  @Get('groups')
  @Can(Action.Public)
  @ApiOperation({ summary: 'The council and the working groups the caller can see (public summaries)' })
  listGroups(
    @OptionalPrincipal() principal: Principal | null,
    @Query('archived', new ParseBoolPipe({ optional: true })) archived?: boolean,
  ): Promise<WorkingGroupListResponse> {
    return this.council.listGroups(principal, archived ?? false);
  }

  @Post('groups')
  @Can(Action.ManageCouncil)
  @ApiOperation({ summary: 'Create a working group (secretariat)' })
  createGroup(
    @CurrentPrincipal() actor: Principal,
    @Body() body: CreateWorkingGroupDto,
    @Req() req: FastifyRequest,
  ): Promise<WorkingGroupDetail> {
    return this.council.create(actor, body, ip(req));
  }

  @Get('groups/by-slug/:slug')
  @Can(Action.Public)
  @ApiOperation({ summary: 'A working group with what the caller may do in it (restricted groups: 404 to outsiders)' })
  groupBySlug(
    @OptionalPrincipal() principal: Principal | null,
    @Param('slug') slug: string,
  ): Promise<WorkingGroupDetail> {
    return this.council.detailBySlug(principal, slug);
  }

  @Patch('groups/:groupId')
  @Can(Action.ManageCouncil)
  @ApiOperation({ summary: 'Change a working group (secretariat)' })
  updateGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', uuid()) groupId: string,
    @Body() body: UpdateWorkingGroupDto,
    @Req() req: FastifyRequest,
  ): Promise<WorkingGroupDetail> {
    return this.council.update(actor, groupId, body, ip(req));
  }

  @Post('groups/:groupId/archive')
  @HttpCode(200)
  @Can(Action.ManageCouncil)
  @ApiOperation({ summary: 'Archive a working group (secretariat); its history stays' })
  archiveGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', uuid()) groupId: string,
    @Req() req: FastifyRequest,
  ): Promise<WorkingGroupDetail> {
    return this.council.archive(actor, groupId, ip(req));
  }

  @Get('groups/:groupId/members')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Current members (and past terms with history=true)' })
  members(
    @CurrentPrincipal() principal: Principal,
    @Param('groupId', uuid()) groupId: string,
    @Query('history', new ParseBoolPipe({ optional: true })) history?: boolean,
  ): Promise<GroupMembersResponse> {
    return this.memberships.list(principal, groupId, history ?? false);
  }

  @Post('groups/:groupId/members')
  @Can(Action.ManageUsers)
  @ApiOperation({ summary: 'Give a person a role in a working group for a term (audited)' })
  addMember(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', uuid()) groupId: string,
    @Body() body: AddMembershipDto,
    @Req() req: FastifyRequest,
  ): Promise<GroupMember> {
    return this.memberships.add(actor.userId, groupId, body, ip(req));
  }

  @Post('groups/:groupId/members/import')
  @HttpCode(200)
  @Can(Action.ManageUsers)
  @ApiOperation({
    summary: 'Import members from CSV (email,role,term_start,term_end); idempotent; lists rejected rows',
  })
  importMembers(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', uuid()) groupId: string,
    @Body() body: MemberImportDto,
    @Req() req: FastifyRequest,
  ): Promise<MemberImportResult> {
    return this.memberships.import(actor.userId, groupId, body.csv, ip(req));
  }

  @Patch('groups/:groupId/members/:membershipId')
  @HttpCode(204)
  @Can(Action.ManageUsers)
  @ApiOperation({ summary: 'Change a membership’s role or term end (audited)' })
  updateMember(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', uuid()) groupId: string,
    @Param('membershipId', uuid()) membershipId: string,
    @Body() body: UpdateMembershipDto,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    return this.memberships.update(actor.userId, groupId, membershipId, body, ip(req));
  }

  @Delete('groups/:groupId/members/:userId')
  @HttpCode(204)
  @Can(Action.ManageUsers)
  @ApiOperation({ summary: 'End a person’s membership of a working group now (audited; live access ends at once)' })
  removeMember(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', uuid()) groupId: string,
    @Param('userId', uuid()) userId: string,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    return this.memberships.remove(actor.userId, groupId, userId, ip(req));
  }
}
