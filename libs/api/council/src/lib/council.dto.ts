import {
  Chairmanship,
  CountryCode,
  CreateWorkingGroupRequest,
  GroupVisibility,
  LocalizedText,
  UpdateCouncilRequest,
  UpdateWorkingGroupRequest,
  WorkingGroupTheme,
} from '@kengash/contracts';
import { isValidTimeZone } from '@kengash/util-time';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

const DATE = { message: 'must be a date (yyyy-mm-dd)' };

export class LocalizedTextDto implements LocalizedText {
  [locale: string]: string | undefined;

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  en!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  ru?: string;
}

export class ChairmanshipDto implements Chairmanship {
  @ApiProperty({ enum: CountryCode })
  @IsEnum(CountryCode)
  country!: CountryCode;

  @ApiProperty({ example: '2025-01-01' })
  @IsISO8601({ strict: true }, DATE)
  periodStart!: string;

  @ApiProperty({ example: '2025-12-31' })
  @IsISO8601({ strict: true }, DATE)
  periodEnd!: string;
}

export class UpdateCouncilDto implements UpdateCouncilRequest {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name?: LocalizedTextDto;

  @ApiPropertyOptional({ example: 'Asia/Tashkent' })
  @IsOptional()
  @ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && isValidTimeZone(v),
      defaultMessage: () => 'defaultTimeZone must be an IANA time zone',
    },
  })
  defaultTimeZone?: string;

  @ApiPropertyOptional({ enum: CountryCode, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(CountryCode, { each: true })
  memberCountries?: CountryCode[];

  @ApiPropertyOptional({ type: [ChairmanshipDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChairmanshipDto)
  chairmanships?: ChairmanshipDto[];
}

export class CreateWorkingGroupDto implements CreateWorkingGroupRequest {
  @ApiProperty({ example: 'legal-frameworks' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lowercase words joined by hyphens' })
  @Length(3, 60)
  slug!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  mandate!: LocalizedTextDto;

  @ApiProperty({ enum: WorkingGroupTheme })
  @IsEnum(WorkingGroupTheme)
  theme!: WorkingGroupTheme;

  @ApiProperty({ example: '2024-05-14' })
  @IsISO8601({ strict: true }, DATE)
  periodStart!: string;

  @ApiProperty({ example: '2025-12-31' })
  @IsISO8601({ strict: true }, DATE)
  periodEnd!: string;

  @ApiProperty({ enum: GroupVisibility })
  @IsIn(Object.values(GroupVisibility))
  visibility!: GroupVisibility;
}

export class UpdateWorkingGroupDto implements UpdateWorkingGroupRequest {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name?: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  mandate?: LocalizedTextDto;

  @ApiPropertyOptional({ enum: WorkingGroupTheme })
  @IsOptional()
  @IsEnum(WorkingGroupTheme)
  theme?: WorkingGroupTheme;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, DATE)
  periodStart?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, DATE)
  periodEnd?: string;

  @ApiPropertyOptional({ enum: GroupVisibility })
  @IsOptional()
  @IsIn(Object.values(GroupVisibility))
  visibility?: GroupVisibility;
}
