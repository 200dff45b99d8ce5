import {
  AuditListResponse,
  CountryCode,
  GlobalRole,
  InviteUserRequest,
  SUPPORTED_LOCALES,
  UpdateUserRequest,
  UserStatus,
  BreakGlassRequest,
} from '@kengash/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class InviteUserDto implements InviteUserRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(2, 120)
  displayName!: string;

  @ApiProperty({ enum: GlobalRole })
  @IsEnum(GlobalRole)
  globalRole!: GlobalRole;

  @ApiPropertyOptional({ enum: CountryCode })
  @IsOptional()
  @IsEnum(CountryCode)
  country?: CountryCode;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 200)
  organisation?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @IsOptional()
  @IsIn([...SUPPORTED_LOCALES])
  locale?: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: GlobalRole })
  @IsOptional()
  @IsEnum(GlobalRole)
  globalRole?: GlobalRole;

  @ApiPropertyOptional({ enum: [UserStatus.Active, UserStatus.Disabled] })
  @IsOptional()
  @IsIn([UserStatus.Active, UserStatus.Disabled], { message: 'status must be active or disabled' })
  status?: UserStatus.Active | UserStatus.Disabled;

  @ApiPropertyOptional({ enum: CountryCode, nullable: true })
  @IsOptional()
  @ValidateIf((o: UpdateUserDto) => o.country !== null)
  @IsEnum(CountryCode)
  country?: CountryCode | null;
}

export class AuditQueryDto {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_.]{2,64}$/, { message: 'action must look like auth.sign_in' })
  action?: string;

  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'before must be a cursor from a previous page' })
  before?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class BreakGlassDto implements BreakGlassRequest {
  @ApiProperty({ minLength: 20, description: 'Why restricted content must be read; recorded in the audit log' })
  @IsString()
  @Length(20, 1000)
  reason!: string;

  @ApiProperty({ example: 'working_group' })
  @IsIn(['working_group', 'session', 'minutes'])
  targetType!: string;

  @ApiProperty()
  @IsUUID()
  targetId!: string;
}

export type { AuditListResponse };
