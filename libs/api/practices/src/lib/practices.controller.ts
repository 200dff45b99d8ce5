import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, OptionalPrincipal, Principal } from '@kengash/api-identity';
import {
  PracticeCommentView,
  PracticeQueueResponse,
  PracticeSearchResponse,
  PracticeView,
  ReviewerCandidatesResponse,
} from '@kengash/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PracticeSearchService } from './practice-search.service';
import {
  AssignReviewersDto,
  PracticeCommentDto,
  PracticeSearchQueryDto,
  PublishPracticeDto,
  ReturnPracticeDto,
} from './practices.dto';
import { PracticesService } from './practices.service';

const ip = (req: FastifyRequest) => req.ip ?? null;
const uuid = () => new ParseUUIDPipe();
/** The reader's language for the translation shown when no query picks one. */
const readerLocale = (header: string | undefined) => (header ?? 'en').split(',')[0].split('-')[0].trim() || 'en';

/**
 * The best-practice library. Reading is open to anyone for public entries (signed-in people see more); who may
 * read, write and review each entry is decided per entry in the service.
 */
@ApiTags('practices')
@Controller('practices')
export class PracticesController {
  constructor(
    private readonly practices: PracticesService,
    private readonly searchService: PracticeSearchService,
  ) {}

  @Get()
  @Can(Action.Public)
  @ApiOperation({ summary: 'Search the published entries the caller may read, with facets' })
  search(
    @OptionalPrincipal() p: Principal | null,
    @Query() q: PracticeSearchQueryDto,
    @Headers('accept-language') language: string | undefined,
  ): Promise<PracticeSearchResponse> {
    return this.searchService.search(p, q, readerLocale(language));
  }

  @Get('review-queue')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Entries in review assigned to me (every entry in review for the secretariat)' })
  queue(@CurrentPrincipal() p: Principal): Promise<PracticeQueueResponse> {
    return this.practices.queue(p);
  }

  @Get('reviewer-candidates')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'People who may review entries, by name (the secretariat and group chairs)' })
  candidates(@CurrentPrincipal() p: Principal, @Query('q') q: string | undefined): Promise<ReviewerCandidatesResponse> {
    return this.practices.reviewerCandidates(p, typeof q === 'string' ? q : '');
  }

  @Post()
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Start an entry (a draft)' })
  create(@CurrentPrincipal() p: Principal, @Body() body: unknown, @Req() req: FastifyRequest): Promise<PracticeView> {
    return this.practices.create(p, body, ip(req));
  }

  @Get(':id')
  @Can(Action.Public)
  @ApiOperation({ summary: 'One entry with its translations (404 when the caller may not read it)' })
  get(@OptionalPrincipal() p: Principal | null, @Param('id', uuid()) id: string): Promise<PracticeView> {
    return this.practices.view(p, id);
  }

  @Put(':id')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Save the entry (send back its `version`; 409 when someone saved meanwhile)' })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ): Promise<PracticeView> {
    return this.practices.update(p, id, body, ip(req));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Submit a draft for review' })
  submit(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<PracticeView> {
    return this.practices.submit(p, id, ip(req));
  }

  @Put(':id/reviewers')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: "Assign the reviewers (the secretariat or the related group's chair)" })
  reviewers(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: AssignReviewersDto,
    @Req() req: FastifyRequest,
  ): Promise<PracticeView> {
    return this.practices.assignReviewers(p, id, body.reviewerIds, ip(req));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Publish an entry in review, for the council, the network or the public' })
  publish(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: PublishPracticeDto,
    @Req() req: FastifyRequest,
  ): Promise<PracticeView> {
    return this.practices.publish(p, id, body.visibility, body.note, ip(req));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Send an entry in review back to its author with a comment' })
  returnToDraft(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: ReturnPracticeDto,
    @Req() req: FastifyRequest,
  ): Promise<PracticeView> {
    return this.practices.returnToDraft(p, id, body.note, ip(req));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Archive a published entry' })
  archive(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<PracticeView> {
    return this.practices.archive(p, id, ip(req));
  }

  @Get(':id/comments')
  @Can(Action.Public)
  @ApiOperation({ summary: 'Comments (review comments only for the author, reviewers and secretariat)' })
  comments(@OptionalPrincipal() p: Principal | null, @Param('id', uuid()) id: string): Promise<PracticeCommentView[]> {
    return this.practices.comments(p, id);
  }

  @Post(':id/comments')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Comment (a review comment before publication, a discussion comment after)' })
  comment(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: PracticeCommentDto,
  ): Promise<PracticeCommentView> {
    return this.practices.comment(p, id, body.body);
  }

  @Put(':id/endorsement')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: '"I used this in my work"' })
  endorse(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string) {
    return this.practices.endorse(p, id, true);
  }

  @Delete(':id/endorsement')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Take an endorsement back' })
  unendorse(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string) {
    return this.practices.endorse(p, id, false);
  }
}
