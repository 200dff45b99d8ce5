import {
  ACTION_LIMITS,
  ActionItemListQuery,
  ActionItemStatus,
  CreateActionItemRequest,
  UpdateActionItemRequest,
} from '@kengash/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
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
const nullable = (key: string) => ValidateIf((o: Record<string, unknown>) => o[key] !== null);

export class CreateActionItemDto implements CreateActionItemRequest {
  @ApiProperty({ example: 'Circulate the draft referral protocol to member organisations' })
  @IsString()
  @Length(ACTION_LIMITS.titleMin, ACTION_LIMITS.titleMax)
  title!: string;

  @ApiProperty({ description: 'The working group responsible' })
  @IsUUID()
  groupId!: string;

  @ApiPropertyOptional({ nullable: true, description: 'The session where it was decided' })
  @IsOptional()
  @nullable('sessionId')
  @IsUUID()
  sessionId?: string | null;

  @ApiProperty({ description: 'A current member of the group, or someone from the secretariat' })
  @IsUUID()
  ownerId!: string;

  @ApiProperty({ example: '2025-06-30' })
  @IsISO8601({ strict: true }, DATE)
  @Length(10, 10, DATE)
  dueDate!: string;

  @ApiPropertyOptional({ enum: ActionItemStatus, default: ActionItemStatus.Open })
  @IsOptional()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus;

  @ApiPropertyOptional({ nullable: true, description: 'A work-plan item of the group this contributes to' })
  @IsOptional()
  @nullable('workPlanItemId')
  @IsUUID()
  workPlanItemId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The minutes document recording the decision' })
  @IsOptional()
  @nullable('minutesId')
  @IsUUID()
  minutesId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The key of the minutes item holding the decision' })
  @IsOptional()
  @nullable('itemKey')
  @IsString()
  @Length(1, ACTION_LIMITS.itemKeyMax)
  itemKey?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The index of the decision within that item' })
  @IsOptional()
  @nullable('decisionIndex')
  @IsInt()
  @Min(0)
  @Max(ACTION_LIMITS.decisionIndexMax)
  decisionIndex?: number | null;
}

export class UpdateActionItemDto implements UpdateActionItemRequest {
  @ApiProperty({ description: 'The version you edited; a stale one answers 409 with the current item' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(ACTION_LIMITS.titleMin, ACTION_LIMITS.titleMax)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ example: '2025-06-30' })
  @IsOptional()
  @IsISO8601({ strict: true }, DATE)
  @Length(10, 10, DATE)
  dueDate?: string;

  @ApiPropertyOptional({ enum: ActionItemStatus })
  @IsOptional()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @nullable('sessionId')
  @IsUUID()
  sessionId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @nullable('workPlanItemId')
  @IsUUID()
  workPlanItemId?: string | null;
}

export class ActionItemListQueryDto implements ActionItemListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ enum: ActionItemStatus })
  @IsOptional()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus;

  @ApiPropertyOptional({ enum: ['me'], description: 'Only the items I own' })
  @IsOptional()
  @IsIn(['me'], { message: 'owner must be "me"' })
  owner?: 'me';

  @ApiPropertyOptional({ description: 'Only open or in-progress items past their due date' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}
