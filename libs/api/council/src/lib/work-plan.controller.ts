import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import {
  WorkPlan,
  WorkPlanComment,
  WorkPlanCommentListResponse,
  WorkPlanItem,
  WorkPlanListResponse,
} from '@kengash/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CreateCommentDto, CreateWorkPlanDto, CreateWorkPlanItemDto, UpdateWorkPlanItemDto } from './work-plan.dto';
import { WorkPlanService } from './work-plan.service';

const ip = (req: FastifyRequest) => req.ip ?? null;
const uuid = () => new ParseUUIDPipe();

/** Every route needs a signed-in person; the group's own rules (read, edit, comment) are checked per object. */
@ApiTags('work plans')
@Controller('council')
export class WorkPlanController {
  constructor(private readonly plans: WorkPlanService) {}

  @Get('groups/:groupId/work-plans')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'A group’s work plans with their items (and other groups’ joint items shared with it)' })
  list(@CurrentPrincipal() p: Principal, @Param('groupId', uuid()) groupId: string): Promise<WorkPlanListResponse> {
    return this.plans.list(p, groupId);
  }

  @Post('groups/:groupId/work-plans')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Start a work plan for a period (chair, co-chair, secretariat)' })
  createPlan(
    @CurrentPrincipal() p: Principal,
    @Param('groupId', uuid()) groupId: string,
    @Body() body: CreateWorkPlanDto,
    @Req() req: FastifyRequest,
  ): Promise<WorkPlan> {
    return this.plans.createPlan(p, groupId, body, ip(req));
  }

  @Post('work-plans/:planId/items')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Add an item (chair, co-chair, secretariat); jointGroupIds shares it with other groups' })
  createItem(
    @CurrentPrincipal() p: Principal,
    @Param('planId', uuid()) planId: string,
    @Body() body: CreateWorkPlanItemDto,
    @Req() req: FastifyRequest,
  ): Promise<WorkPlanItem> {
    return this.plans.createItem(p, planId, body, ip(req));
  }

  @Patch('work-plan-items/:itemId')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Change an item; send its version — a stale one answers 409 with the current item' })
  updateItem(
    @CurrentPrincipal() p: Principal,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: UpdateWorkPlanItemDto,
    @Req() req: FastifyRequest,
  ): Promise<WorkPlanItem> {
    return this.plans.updateItem(p, itemId, body, ip(req));
  }

  @Delete('work-plan-items/:itemId')
  @HttpCode(204)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Remove an item (chair, co-chair, secretariat)' })
  deleteItem(
    @CurrentPrincipal() p: Principal,
    @Param('itemId', uuid()) itemId: string,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    return this.plans.deleteItem(p, itemId, ip(req));
  }

  @Get('work-plan-items/:itemId/comments')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Comments on an item' })
  async comments(
    @CurrentPrincipal() p: Principal,
    @Param('itemId', uuid()) itemId: string,
  ): Promise<WorkPlanCommentListResponse> {
    return { items: await this.plans.comments(p, itemId) };
  }

  @Post('work-plan-items/:itemId/comments')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Comment on an item (members; observers only read)' })
  addComment(
    @CurrentPrincipal() p: Principal,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: CreateCommentDto,
  ): Promise<WorkPlanComment> {
    return this.plans.addComment(p, itemId, body.body);
  }
}
