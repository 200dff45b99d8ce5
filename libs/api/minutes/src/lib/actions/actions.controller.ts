import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import { ActionItemListResponse, ActionItemView, OpenActionsResponse } from '@kengash/contracts';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ActionItemListQueryDto, CreateActionItemDto, UpdateActionItemDto } from './actions.dto';
import { ActionsService } from './actions.service';

const ip = (req: FastifyRequest) => req.ip ?? null;
const uuid = () => new ParseUUIDPipe();

/**
 * Action items: every route needs a signed-in person; the group's rules are checked per item (members and the
 * secretariat read, chairs, co-chairs, rapporteurs and the secretariat edit, the owner sets the status).
 */
@ApiTags('action items')
@Controller()
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get('actions')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Action items I may read, latest due date first (filters: group, status, mine, overdue)' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ActionItemListQueryDto): Promise<ActionItemListResponse> {
    return this.actions.list(p, q);
  }

  @Post('actions')
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: 'Create an action item, from a decision or directly (chair, co-chair, rapporteur, secretariat)',
  })
  create(
    @CurrentPrincipal() p: Principal,
    @Body() body: CreateActionItemDto,
    @Req() req: FastifyRequest,
  ): Promise<ActionItemView> {
    return this.actions.create(p, body, ip(req));
  }

  @Get('actions/:id')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'One action item' })
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<ActionItemView> {
    return this.actions.get(p, id);
  }

  @Patch('actions/:id')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Change an action item; send its version — a stale one answers 409 with the current item' })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: UpdateActionItemDto,
    @Req() req: FastifyRequest,
  ): Promise<ActionItemView> {
    return this.actions.update(p, id, body, ip(req));
  }

  @Get('sessions/:id/open-actions')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Open action items the session should review (its groups’ and its series’ carry-over)' })
  openActions(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<OpenActionsResponse> {
    return this.actions.openForSession(p, id);
  }
}
