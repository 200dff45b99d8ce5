import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import { LiveMeetingListResponse, MinutesDraftView } from '@kengash/contracts';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeetingService } from './meeting.service';

/** The draft minutes frozen at the end of a live meeting (the minutes workflow builds on it). */
@ApiTags('live meetings')
@Controller('sessions')
export class MinutesController {
  constructor(private readonly meetings: MeetingService) {}

  @Get(':id/minutes-draft')
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: 'The draft minutes of the session’s last live meeting: attendance, speakers, decisions, notes',
    description: 'For the chairs, the rapporteur and the voting members of its groups; observers get 403.',
  })
  draft(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<MinutesDraftView> {
    return this.meetings.minutesDraft(p, id);
  }
}

/** The live rooms a person may enter. */
@ApiTags('live meetings')
@Controller('live')
export class LiveMeetingsController {
  constructor(private readonly meetings: MeetingService) {}

  @Get('meetings')
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: 'Meetings the caller may join: live now, or starting within a week (current occurrence of a series)',
  })
  mine(@CurrentPrincipal() p: Principal): Promise<LiveMeetingListResponse> {
    return this.meetings.myMeetings(p);
  }
}
