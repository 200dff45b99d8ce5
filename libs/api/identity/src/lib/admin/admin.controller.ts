import { AuditService } from '@kengash/api-audit';
import { AdminUserListResponse, AdminUserSummary, AuditListResponse, BreakGlassResponse } from '@kengash/contracts';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Can } from '@kengash/api-core';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { Action } from '@kengash/api-core';
import type { Principal } from '../access/principal';
import { AuditQueryDto, BreakGlassDto, InviteUserDto, UpdateUserDto } from './admin.dto';
import { AdminUsersService } from './admin-users.service';

@ApiTags('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: AdminUsersService,
    private readonly audit: AuditService,
  ) {}

  @Get('users')
  @Can(Action.ManageUsers)
  @ApiOperation({ summary: 'Every account (secretariat, administrators)' })
  async list(): Promise<AdminUserListResponse> {
    return { items: await this.users.list() };
  }

  @Post('users/invitations')
  @Can(Action.ManageUsers)
  @ApiOperation({ summary: 'Invite a person by e-mail (single-use link, 72 hours)' })
  invite(
    @CurrentPrincipal() actor: Principal,
    @Body() body: InviteUserDto,
    @Req() req: FastifyRequest,
  ): Promise<AdminUserSummary> {
    return this.users.invite(actor, body, req.ip ?? null);
  }

  @Patch('users/:id')
  @Can(Action.ManageUsers)
  @ApiOperation({ summary: 'Change a role, disable or enable an account' })
  update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
    @Req() req: FastifyRequest,
  ): Promise<AdminUserSummary> {
    return this.users.update(actor, id, body, req.ip ?? null);
  }

  @Get('audit')
  @Can(Action.ReadAudit)
  @ApiOperation({ summary: 'The audit log, newest first (administrators)' })
  async auditLog(@Query() query: AuditQueryDto): Promise<AuditListResponse> {
    const page = await this.audit.list(query);
    return { items: page.items.map(({ hash: _hash, ...rest }) => rest), nextCursor: page.nextCursor };
  }

  @Post('break-glass')
  @Can(Action.BreakGlass)
  @ApiOperation({ summary: 'Audited, 30-minute access to one restricted object (administrators)' })
  breakGlass(
    @CurrentPrincipal() actor: Principal,
    @Body() body: BreakGlassDto,
    @Req() req: FastifyRequest,
  ): Promise<BreakGlassResponse> {
    return this.users.breakGlass(actor, body.targetType, body.targetId, body.reason, req.ip ?? null);
  }
}
