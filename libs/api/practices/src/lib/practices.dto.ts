import {
  AssignReviewersRequest,
  CountryCode,
  EVIDENCE_LEVELS,
  EvidenceLevel,
  PRACTICE_LANGUAGES,
  PRACTICE_LIMITS,
  PRACTICE_THEMES,
  PRACTICE_VISIBILITIES,
  PracticeCommentRequest,
  PracticeLanguage,
  PracticeSearchQuery,
  PracticeTheme,
  PracticeVisibility,
  PublishPracticeRequest,
  ReturnPracticeRequest,
  TARGET_GROUPS,
  TargetGroup,
} from '@kengash/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class PracticeSearchQueryDto implements PracticeSearchQuery {
  @ApiPropertyOptional({ description: 'Words to find, in any language of the library (web-search syntax)' })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_LIMITS.queryMax)
  q?: string;

  @ApiPropertyOptional({ enum: CountryCode })
  @IsOptional()
  @IsEnum(CountryCode, { message: `country must be one of ${Object.values(CountryCode).join(', ')}` })
  country?: CountryCode;

  @ApiPropertyOptional({ enum: PRACTICE_THEMES })
  @IsOptional()
  @IsIn(PRACTICE_THEMES as readonly string[], { message: `theme must be one of ${PRACTICE_THEMES.join(', ')}` })
  theme?: PracticeTheme;

  @ApiPropertyOptional({ enum: TARGET_GROUPS })
  @IsOptional()
  @IsIn(TARGET_GROUPS as readonly string[], { message: `targetGroup must be one of ${TARGET_GROUPS.join(', ')}` })
  targetGroup?: TargetGroup;

  @ApiPropertyOptional({ enum: PRACTICE_LANGUAGES })
  @IsOptional()
  @IsIn(PRACTICE_LANGUAGES as readonly string[], {
    message: `language must be one of ${PRACTICE_LANGUAGES.join(', ')}`,
  })
  language?: PracticeLanguage;

  @ApiPropertyOptional({ enum: EVIDENCE_LEVELS })
  @IsOptional()
  @IsIn(EVIDENCE_LEVELS as readonly string[], { message: `evidence must be one of ${EVIDENCE_LEVELS.join(', ')}` })
  evidence?: EvidenceLevel;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;
}

export class PublishPracticeDto implements PublishPracticeRequest {
  @ApiProperty({ enum: PRACTICE_VISIBILITIES })
  @IsIn(PRACTICE_VISIBILITIES as readonly string[], {
    message: `visibility must be one of ${PRACTICE_VISIBILITIES.join(', ')}`,
  })
  visibility!: PracticeVisibility;

  @ApiPropertyOptional({ description: 'A review comment kept with the entry' })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_LIMITS.commentMax)
  note?: string;
}

export class ReturnPracticeDto implements ReturnPracticeRequest {
  @ApiProperty({ description: 'What the author should change (a review comment)' })
  @IsString()
  @Length(1, PRACTICE_LIMITS.commentMax)
  note!: string;
}

export class AssignReviewersDto implements AssignReviewersRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(PRACTICE_LIMITS.reviewersMax)
  @IsUUID('all', { each: true, message: 'each reviewer must be an id' })
  reviewerIds!: string[];
}

export class PracticeCommentDto implements PracticeCommentRequest {
  @ApiProperty()
  @IsString()
  @Length(1, PRACTICE_LIMITS.commentMax)
  body!: string;
}
