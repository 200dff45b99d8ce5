import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import { NotificationListResponse, NotificationPreferences } from '@kengash/contracts';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationListQueryDto, NotificationPreferencesDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';
import { NotificationPreferencesService } from './preferences.service';

/** The signed-in person's own notifications and notification settings; nobody reads anyone else's. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Get('notifications')
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'My notifications, newest first, with the number unread' })
  list(@CurrentPrincipal() p: Principal, @Query() query: NotificationListQueryDto): Promise<NotificationListResponse> {
    return this.notifications.list(p.userId, query);
  }

  @Post('notifications/read-all')
  @HttpCode(204)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  readAll(@CurrentPrincipal() p: Principal): Promise<void> {
    return this.notifications.markAllRead(p.userId);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  read(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.notifications.markRead(p.userId, id);
  }

  @Get('me/notification-preferences')
  @Can(Action.Self)
  @ApiOperation({ summary: 'My notification channels per kind, daily digest and working hours (defaults filled in)' })
  getPreferences(@CurrentPrincipal() p: Principal): Promise<NotificationPreferences> {
    return this.preferences.get(p.userId);
  }

  @Put('me/notification-preferences')
  @Can(Action.Self)
  @ApiOperation({ summary: 'Replace my notification preferences (kinds left out take their defaults)' })
  putPreferences(
    @CurrentPrincipal() p: Principal,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferences> {
    return this.preferences.put(p.userId, body);
  }
}
