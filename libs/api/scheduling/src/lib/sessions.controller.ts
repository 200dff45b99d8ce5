import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import {
  CalendarFeedResponse,
  CalendarResponse,
  ConflictView,
  RsvpByTokenResponse,
  SessionView,
  SlotFinderResponse,
} from '@kengash/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CalendarFeedService } from './calendar-feed.service';
import { ReminderService } from './reminder.service';
import {
  CalendarQueryDto,
  OccurrencesQueryDto,
  CancelOccurrenceDto,
  CreateSessionDto,
  MoveOccurrenceDto,
  RsvpDto,
  SlotFinderDto,
  UpdateSessionDto,
} from './session.dto';
import { SessionService } from './session.service';
import { SlotFinderService } from './slot-finder.service';

const ip = (req: FastifyRequest) => req.ip ?? null;
const uuid = () => new ParseUUIDPipe();

/** Sessions: every route needs a signed-in person; who may see or change a session is decided per session. */
@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionService,
    private readonly slots: SlotFinderService,
    private readonly reminders: ReminderService,
  ) {}

  @Post()
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Schedule a session or series (chairs of its groups, secretariat); invites the members' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() body: CreateSessionDto,
    @Req() req: FastifyRequest,
  ): Promise<SessionView> {
    const view = await this.sessions.create(p, body, ip(req));
    await this.reminders.scheduleNext(view.id);
    return view;
  }

  @Get('calendar')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Occurrences of my sessions (or of a group’s) between from and to' })
  calendar(@CurrentPrincipal() p: Principal, @Query() q: CalendarQueryDto): Promise<CalendarResponse> {
    return this.sessions.calendar(p, new Date(q.from), new Date(q.to), q.groupId);
  }

  @Post('slots')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Slots inside every invitee’s working hours, outside their other sessions' })
  findSlots(@Body() body: SlotFinderDto): Promise<SlotFinderResponse> {
    return this.slots.find(body);
  }

  @Get(':id')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'A session with agenda, invitees and RSVP counts' })
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<SessionView> {
    return this.sessions.view(p, id);
  }

  @Get(':id/occurrences')
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: 'Occurrences of one session between from and to (whoever may see the session; 404 otherwise)',
  })
  occurrences(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Query() q: OccurrencesQueryDto,
  ): Promise<CalendarResponse> {
    return this.sessions.sessionOccurrences(p, id, new Date(q.from), new Date(q.to));
  }

  @Patch(':id')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Change a session; a new time or place increments SEQUENCE and re-sends invitations' })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: UpdateSessionDto,
    @Req() req: FastifyRequest,
  ): Promise<SessionView> {
    const view = await this.sessions.update(p, id, body, ip(req));
    await this.reminders.scheduleNext(id);
    return view;
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Cancel a session (STATUS:CANCELLED to invitees)' })
  cancel(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<SessionView> {
    return this.sessions.cancel(p, id, ip(req));
  }

  @Post(':id/occurrences/cancel')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Cancel one occurrence of a series (EXDATE)' })
  async cancelOccurrence(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: CancelOccurrenceDto,
    @Req() req: FastifyRequest,
  ): Promise<SessionView> {
    const view = await this.sessions.changeOccurrence(p, id, new Date(body.recurrenceId), null, ip(req));
    await this.reminders.scheduleNext(id);
    return view;
  }

  @Post(':id/occurrences/move')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Move one occurrence of a series (RECURRENCE-ID override)' })
  async moveOccurrence(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: MoveOccurrenceDto,
    @Req() req: FastifyRequest,
  ): Promise<SessionView> {
    const view = await this.sessions.changeOccurrence(
      p,
      id,
      new Date(body.recurrenceId),
      { localStart: body.localStart, durationMinutes: body.durationMinutes },
      ip(req),
    );
    await this.reminders.scheduleNext(id);
    return view;
  }

  @Post(':id/rsvp')
  @HttpCode(200)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Accept, decline or answer tentatively' })
  rsvp(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string, @Body() body: RsvpDto): Promise<SessionView> {
    return this.sessions.rsvp(p, id, body.rsvp);
  }

  @Get(':id/conflicts')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Invitees who already have another session at that time' })
  conflicts(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<ConflictView[]> {
    return this.sessions.conflicts(p, id);
  }

  @Get(':id/ics')
  @Can(Action.SignedIn)
  @Header('content-type', 'text/calendar; charset=utf-8')
  @ApiOperation({
    summary: 'The session as an iCalendar file (TZID + VTIMEZONE; series with RRULE/EXDATE/RECURRENCE-ID)',
  })
  ics(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<string> {
    return this.sessions.ics(p, id);
  }
}

@ApiTags('sessions')
@Controller()
export class CalendarController {
  constructor(
    private readonly sessions: SessionService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @Post('rsvp/:token')
  @HttpCode(200)
  @Can(Action.Public)
  @ApiOperation({ summary: 'Answer an invitation from the e-mailed link (no sign-in)' })
  rsvpByToken(@Param('token') token: string, @Body() body: RsvpDto): Promise<RsvpByTokenResponse> {
    return this.sessions.rsvpByToken(token, body.rsvp);
  }

  @Get('me/calendar-feed')
  @Can(Action.Self)
  @ApiOperation({ summary: 'Whether I have a calendar feed (its URL is shown only when made)' })
  feed(@CurrentPrincipal() p: Principal): Promise<CalendarFeedResponse> {
    return this.feeds.current(p);
  }

  @Post('me/calendar-feed')
  @Can(Action.Self)
  @ApiOperation({ summary: 'Make a new calendar feed URL; the old one stops working' })
  renew(@CurrentPrincipal() p: Principal): Promise<CalendarFeedResponse> {
    return this.feeds.renew(p);
  }

  @Delete('me/calendar-feed')
  @HttpCode(204)
  @Can(Action.Self)
  @ApiOperation({ summary: 'Revoke my calendar feed (its URL answers 404 from now on)' })
  revoke(@CurrentPrincipal() p: Principal): Promise<void> {
    return this.feeds.revoke(p);
  }

  @Get('calendar/feeds/:token')
  @Can(Action.Public)
  @ApiOperation({ summary: 'A personal calendar feed (the secret token is the only key)' })
  async publicFeed(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const body = await this.feeds.feed(token);
    void reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(body);
  }
}
