import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import {
  AmendmentView,
  MinutesCommentView,
  MinutesContent,
  MinutesDiffView,
  MinutesForApprovalResponse,
  MinutesView,
  PublicMinutesView,
  SessionMinutesList,
} from '@kengash/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CreateMinutesDto,
  DecideAmendmentDto,
  DiffQueryDto,
  ExportQueryDto,
  MinutesCommentDto,
  ProposeAmendmentDto,
  SaveMinutesDto,
  SetMinutesVisibilityDto,
} from './minutes.dto';
import { MinutesService } from './minutes.service';

const ip = (req: FastifyRequest) => req.ip ?? null;
const uuid = () => new ParseUUIDPipe();

/**
 * Minutes: every route needs a signed-in person; who may read or act is decided per document (members of the
 * session's groups and the secretariat read; rapporteur, chairs and secretariat write; chairs approve).
 */
@ApiTags('minutes')
@Controller()
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Get('sessions/:id/minutes')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'The minutes documents of a session (full record, public summary, corrections)' })
  list(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<SessionMinutesList> {
    return this.minutes.list(p, id);
  }

  @Get('sessions/:id/minutes-for-approval')
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: "Circulated minutes of earlier sessions of the session's groups, which its meeting may approve by a vote",
  })
  forApproval(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<MinutesForApprovalResponse> {
    return this.minutes.forApproval(p, id);
  }

  @Post('sessions/:id/minutes')
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: 'Start minutes: the full record from the live meeting (or the agenda), or the public summary',
  })
  create(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: CreateMinutesDto,
    @Req() req: FastifyRequest,
  ): Promise<MinutesView> {
    return this.minutes.create(p, id, body.face, ip(req));
  }

  @Get('minutes/:id')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'A minutes document with its current content, versions and what the caller may do' })
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<MinutesView> {
    return this.minutes.view(p, id);
  }

  @Put('minutes/:id')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Save a new version of a draft (409 when based on an older version, or when approved)' })
  save(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: SaveMinutesDto,
  ): Promise<MinutesView> {
    return this.minutes.save(p, id, body.baseVersion, body.content, body.note);
  }

  @Put('minutes/:id/visibility')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Who reads a public summary once approved: every signed-in person, or anyone' })
  setVisibility(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: SetMinutesVisibilityDto,
    @Req() req: FastifyRequest,
  ): Promise<MinutesView> {
    return this.minutes.setVisibility(p, id, body.visibility, ip(req));
  }

  @Get('public/minutes/:id')
  @Can(Action.Public)
  @ApiOperation({ summary: 'An approved public summary opened to anyone (no account needed)' })
  publicView(@Param('id', uuid()) id: string): Promise<PublicMinutesView> {
    return this.minutes.publicView(id);
  }

  @Get('minutes/:id/versions/:number')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'The content of one saved version' })
  version(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Param('number', ParseIntPipe) number: number,
  ): Promise<MinutesContent> {
    return this.minutes.version(p, id, number);
  }

  @Get('minutes/:id/diff')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'What changed between two versions, item by item (word-level)' })
  diff(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Query() q: DiffQueryDto,
  ): Promise<MinutesDiffView> {
    return this.minutes.diff(p, id, q.from, q.to);
  }

  @Post('minutes/:id/circulate')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Circulate a draft to the attendees for amendments' })
  circulate(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<MinutesView> {
    return this.minutes.circulate(p, id, ip(req));
  }

  @Post('minutes/:id/approve')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Approve (chair): the content is frozen and its SHA-256 stored' })
  approve(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<MinutesView> {
    return this.minutes.approve(p, id, ip(req));
  }

  @Post('minutes/:id/corrections')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Start a correction of approved minutes (a new document through the same cycle)' })
  correct(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<MinutesView> {
    return this.minutes.correct(p, id, ip(req));
  }

  @Get('minutes/:id/export')
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: 'The minutes as PDF (embedded Noto Sans: Cyrillic and Latin) or Markdown; audited for the full record',
  })
  async export(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Query() q: ExportQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const file = await this.minutes.export(p, id, q.format, q.locale, ip(req));
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }

  @Get('minutes/:id/amendments')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Amendments proposed while the minutes circulate' })
  amendments(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<AmendmentView[]> {
    return this.minutes.amendments(p, id);
  }

  @Post('minutes/:id/amendments')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Propose an amendment (attendees of record, circulated minutes)' })
  propose(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: ProposeAmendmentDto,
  ): Promise<AmendmentView> {
    return this.minutes.propose(p, id, body.itemKey, body.proposedNotes, body.reason);
  }

  @Post('minutes/:id/amendments/:amendmentId/decision')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Accept or reject an amendment with a note (chair)' })
  decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Param('amendmentId', uuid()) amendmentId: string,
    @Body() body: DecideAmendmentDto,
    @Req() req: FastifyRequest,
  ): Promise<AmendmentView> {
    return this.minutes.decide(p, id, amendmentId, body.accept, body.note, ip(req));
  }

  @Get('minutes/:id/comments')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Comments on the minutes' })
  comments(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<MinutesCommentView[]> {
    return this.minutes.comments(p, id);
  }

  @Post('minutes/:id/comments')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Comment on draft or circulated minutes, on the whole or one item' })
  comment(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: MinutesCommentDto,
  ): Promise<MinutesCommentView> {
    return this.minutes.comment(p, id, body.itemKey ?? null, body.body);
  }
}
