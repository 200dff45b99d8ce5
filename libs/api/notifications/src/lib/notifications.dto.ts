import { NotificationKind, NotificationPreferences } from '@kengash/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { HH_MM } from './preferences';

export class NotificationListQueryDto {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ChannelSwitchesDto {
  @ApiProperty()
  @IsBoolean()
  in_app!: boolean;

  @ApiProperty()
  @IsBoolean()
  email!: boolean;
}

const channel = () => [
  ApiPropertyOptional({ type: ChannelSwitchesDto }),
  IsOptional(),
  ValidateNested(),
  Type(() => ChannelSwitchesDto),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** One entry per kind; unknown kinds are refused by the validation pipe (whitelist). */
export class NotificationChannelsDto {
  @apply(channel()) [NotificationKind.SessionInvitation]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.SessionChanged]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.SessionCancelled]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.SessionReminder]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.RsvpReceived]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.WorkPlanComment]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.ActionItemDue]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.MinutesCirculated]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.PracticeReview]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.NetworkAnnouncement]?: ChannelSwitchesDto;
  @apply(channel()) [NotificationKind.NetworkRevetDue]?: ChannelSwitchesDto;
}

export class WorkingHoursDto {
  @ApiProperty({ example: '09:00' })
  @Matches(HH_MM, { message: 'start must be a time HH:mm' })
  start!: string;

  @ApiProperty({ example: '18:00' })
  @Matches(HH_MM, { message: 'end must be a time HH:mm' })
  end!: string;
}

export class NotificationPreferencesDto implements Omit<NotificationPreferences, 'channels'> {
  @ApiProperty({ type: NotificationChannelsDto, description: 'kind → { in_app, email }; kinds left out take defaults' })
  @IsObject()
  @ValidateNested()
  @Type(() => NotificationChannelsDto)
  channels!: NotificationChannelsDto;

  @ApiProperty()
  @IsBoolean()
  dailyDigest!: boolean;

  @ApiProperty({ type: WorkingHoursDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WorkingHoursDto)
  workingHours!: WorkingHoursDto;
}
