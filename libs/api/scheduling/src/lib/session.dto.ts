import {
  AgendaItemInput,
  CancelOccurrenceRequest,
  CreateSessionRequest,
  MoveOccurrenceRequest,
  Rsvp,
  RsvpRequest,
  SESSION_AUDIENCES,
  SessionAudience,
  SessionFormat,
  SlotFinderRequest,
  UpdateSessionRequest,
} from '@kengash/contracts';
import { timeZoneProblem } from '@kengash/util-time';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { rruleProblem } from './recurrence/recurrence';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** An IANA zone; `Asia/Astana` is refused with a pointer to `Asia/Almaty`. */
export const IsIanaZone = () =>
  ValidateBy({
    name: 'isIanaZone',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && timeZoneProblem(v) === null,
      defaultMessage: (args) => timeZoneProblem(String(args?.value)) ?? 'must be an IANA time zone',
    },
  });

const IsRrule = () =>
  ValidateBy({
    name: 'isRrule',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && rruleProblem(v) === null,
      defaultMessage: (args) => `rrule ${rruleProblem(String(args?.value)) ?? 'is not valid'}`,
    },
  });

class DocumentDto {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  url!: string;
}

export class AgendaItemDto implements AgendaItemInput {
  @ApiProperty()
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((o: AgendaItemDto) => o.presenterId !== null)
  @IsUUID()
  presenterId?: string | null;

  @ApiProperty({ minimum: 1, maximum: 600 })
  @IsInt()
  @Min(1)
  @Max(600)
  minutesAllotted!: number;

  @ApiPropertyOptional({ type: [DocumentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents?: DocumentDto[];
}

class SessionFieldsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 300)
  location?: string;

  @ApiPropertyOptional({ description: 'Link of the online room' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  onlineRoom?: string;

  @ApiPropertyOptional({ example: 'FREQ=MONTHLY;BYDAY=2TH;COUNT=6' })
  @IsOptional()
  @IsRrule()
  rrule?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @ApiPropertyOptional({ type: [AgendaItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  extraInviteeIds?: string[];

  @ApiPropertyOptional({
    enum: SESSION_AUDIENCES,
    description: 'groups (default) or network: a network event (secretariat, administrators), open to the network',
  })
  @IsOptional()
  @IsIn(SESSION_AUDIENCES as unknown as string[], {
    message: `audience must be one of ${SESSION_AUDIENCES.join(', ')}`,
  })
  audience?: SessionAudience;
}

/** At least one group, except for a network event (which may belong to no group). */
const HasGroupsUnlessNetwork = () =>
  ValidateBy({
    name: 'hasGroupsUnlessNetwork',
    validator: {
      validate: (v: unknown, args) =>
        Array.isArray(v) && (v.length > 0 || (args?.object as { audience?: unknown }).audience === 'network'),
      defaultMessage: () => 'groupIds must name at least one working group (a network event may name none)',
    },
  });

export class CreateSessionDto extends SessionFieldsDto implements CreateSessionRequest {
  @ApiProperty()
  @IsString()
  @Length(3, 300)
  title!: string;

  @ApiProperty({ type: [String], description: 'At least one, except for a network event' })
  @IsArray()
  @HasGroupsUnlessNetwork()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  groupIds!: string[];

  @ApiProperty({ enum: SessionFormat })
  @IsEnum(SessionFormat)
  format!: SessionFormat;

  @ApiProperty({ example: '2025-03-12T09:00', description: 'Wall time in timeZone' })
  @Matches(LOCAL, { message: 'localStart must be a local time like 2025-03-12T09:00' })
  localStart!: string;

  @ApiProperty({ minimum: 15, maximum: 1440 })
  @IsInt()
  @Min(15)
  @Max(1440)
  durationMinutes!: number;

  @ApiProperty({ example: 'Asia/Tashkent' })
  @IsIanaZone()
  timeZone!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  membersNotInvited?: boolean;
}

export class UpdateSessionDto extends SessionFieldsDto implements UpdateSessionRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(3, 300)
  title?: string;

  @ApiPropertyOptional({ enum: SessionFormat })
  @IsOptional()
  @IsEnum(SessionFormat)
  format?: SessionFormat;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(LOCAL, { message: 'localStart must be a local time like 2025-03-12T09:00' })
  localStart?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIanaZone()
  timeZone?: string;
}

export class CancelOccurrenceDto implements CancelOccurrenceRequest {
  @ApiProperty({ description: 'Original start of the occurrence (ISO instant)' })
  @IsISO8601({ strict: true })
  recurrenceId!: string;
}

export class MoveOccurrenceDto implements MoveOccurrenceRequest {
  @ApiProperty()
  @IsISO8601({ strict: true })
  recurrenceId!: string;

  @ApiProperty()
  @Matches(LOCAL, { message: 'localStart must be a local time like 2025-03-12T09:00' })
  localStart!: string;

  @ApiProperty()
  @IsInt()
  @Min(15)
  @Max(1440)
  durationMinutes!: number;
}

export class RsvpDto implements RsvpRequest {
  @ApiProperty({ enum: [Rsvp.Accepted, Rsvp.Declined, Rsvp.Tentative] })
  @IsIn([Rsvp.Accepted, Rsvp.Declined, Rsvp.Tentative])
  rsvp!: Rsvp.Accepted | Rsvp.Declined | Rsvp.Tentative;
}

export class SlotFinderDto implements SlotFinderRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  inviteeIds!: string[];

  @ApiProperty()
  @IsInt()
  @Min(15)
  @Max(1440)
  durationMinutes!: number;

  @ApiProperty({ example: '2025-03-10' })
  @IsISO8601({ strict: true })
  fromDate!: string;

  @ApiProperty({ example: '2025-03-21' })
  @IsISO8601({ strict: true })
  toDate!: string;

  @ApiProperty()
  @IsIanaZone()
  timeZone!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn([15, 30, 60])
  stepMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class OccurrencesQueryDto {
  @IsISO8601({ strict: true })
  from!: string;

  @IsISO8601({ strict: true })
  to!: string;
}

export class CalendarQueryDto {
  @IsISO8601({ strict: true })
  from!: string;

  @IsISO8601({ strict: true })
  to!: string;

  @IsOptional()
  @IsUUID()
  groupId?: string;
}
