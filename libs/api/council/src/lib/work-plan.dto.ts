import {
  CreateCommentRequest,
  CreateWorkPlanItemRequest,
  CreateWorkPlanRequest,
  UpdateWorkPlanItemRequest,
  WorkPlanItemStatus,
} from '@kengash/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

const DATE = { message: 'must be a date (yyyy-mm-dd)' };

export class CreateWorkPlanDto implements CreateWorkPlanRequest {
  @ApiProperty({ example: 'Work plan 2024–2025' })
  @IsString()
  @Length(3, 200)
  title!: string;

  @ApiProperty({ example: '2024-05-14' })
  @IsISO8601({ strict: true }, DATE)
  periodStart!: string;

  @ApiProperty({ example: '2025-12-31' })
  @IsISO8601({ strict: true }, DATE)
  periodEnd!: string;
}

class ItemFieldsDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((o: ItemFieldsDto) => o.ownerId !== null)
  @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2025-06-30' })
  @IsOptional()
  @ValidateIf((o: ItemFieldsDto) => o.dueDate !== null)
  @IsISO8601({ strict: true }, DATE)
  dueDate?: string | null;

  @ApiPropertyOptional({ enum: WorkPlanItemStatus })
  @IsOptional()
  @IsEnum(WorkPlanItemStatus)
  status?: WorkPlanItemStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  sessionIds?: string[];
}

export class CreateWorkPlanItemDto extends ItemFieldsDto implements CreateWorkPlanItemRequest {
  @ApiProperty()
  @IsString()
  @Length(3, 500)
  objective!: string;

  @ApiProperty()
  @IsString()
  @Length(3, 500)
  deliverable!: string;

  @ApiPropertyOptional({ type: [String], description: 'Other groups sharing this item' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  jointGroupIds?: string[];
}

export class UpdateWorkPlanItemDto extends ItemFieldsDto implements UpdateWorkPlanItemRequest {
  @ApiProperty({ description: 'The version you edited; a stale one answers 409 with the current item' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(3, 500)
  objective?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(3, 500)
  deliverable?: string;
}

export class CreateCommentDto implements CreateCommentRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 4000)
  body!: string;
}
