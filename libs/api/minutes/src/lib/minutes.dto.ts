import {
  DecideAmendmentRequest,
  MINUTES_LIMITS,
  ProposeAmendmentRequest,
  SaveMinutesRequest,
  SetMinutesVisibilityRequest,
  MinutesContent,
} from '@kengash/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateMinutesDto {
  @ApiProperty({ enum: ['full', 'public'] })
  @IsIn(['full', 'public'], { message: 'face must be full or public' })
  face!: 'full' | 'public';
}

export class SetMinutesVisibilityDto implements SetMinutesVisibilityRequest {
  @ApiProperty({ enum: ['council', 'public'], description: 'council: every signed-in person; public: anyone' })
  @IsIn(['council', 'public'], { message: 'visibility must be council or public' })
  visibility!: 'council' | 'public';
}

export class SaveMinutesDto implements SaveMinutesRequest {
  @ApiProperty({ description: 'The version the edit is based on' })
  @IsInt()
  @Min(1)
  baseVersion!: number;

  @ApiProperty({ description: 'The whole content of the new version (MinutesContent); notes are sanitised HTML' })
  @IsObject()
  content!: MinutesContent;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ProposeAmendmentDto implements ProposeAmendmentRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  itemKey!: string;

  @ApiProperty({ description: 'The item’s notes as they should read (HTML)' })
  @IsString()
  @MaxLength(MINUTES_LIMITS.amendmentMax)
  proposedNotes!: string;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(MINUTES_LIMITS.reasonMax)
  reason!: string;
}

export class DecideAmendmentDto implements DecideAmendmentRequest {
  @ApiProperty()
  @IsBoolean()
  accept!: boolean;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(MINUTES_LIMITS.reasonMax)
  note!: string;
}

export class MinutesCommentDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  itemKey?: string | null;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(MINUTES_LIMITS.commentMax)
  body!: string;
}

export class DiffQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to!: number;
}

export class ExportQueryDto {
  @ApiProperty({ enum: ['pdf', 'md'] })
  @IsIn(['pdf', 'md'], { message: 'format must be pdf or md' })
  format!: 'pdf' | 'md';

  @ApiPropertyOptional({ enum: ['en', 'ru'], description: 'Language of the labels; default: the caller’s' })
  @IsOptional()
  @IsIn(['en', 'ru'], { message: 'locale must be en or ru' })
  locale?: 'en' | 'ru';
}
