import { AddMembershipRequest, GroupRole, MemberImportRequest, UpdateMembershipRequest } from '@kengash/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class AddMembershipDto implements AddMembershipRequest {
  @ApiProperty()
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: GroupRole })
  @IsEnum(GroupRole)
  role!: GroupRole;

  @ApiProperty({ example: '2024-05-14' })
  @IsISO8601({ strict: true }, { message: 'termStart must be a date (yyyy-mm-dd)' })
  termStart!: string;

  @ApiPropertyOptional({ example: '2025-12-31', nullable: true })
  @IsOptional()
  @ValidateIf((o: AddMembershipDto) => o.termEnd !== null)
  @IsISO8601({ strict: true }, { message: 'termEnd must be a date (yyyy-mm-dd)' })
  termEnd?: string | null;
}

export class UpdateMembershipDto implements UpdateMembershipRequest {
  @ApiPropertyOptional({ enum: GroupRole })
  @IsOptional()
  @IsEnum(GroupRole)
  role?: GroupRole;

  @ApiPropertyOptional({ example: '2025-12-31', nullable: true })
  @IsOptional()
  @ValidateIf((o: UpdateMembershipDto) => o.termEnd !== null)
  @IsISO8601({ strict: true }, { message: 'termEnd must be a date (yyyy-mm-dd)' })
  termEnd?: string | null;
}

export class MemberImportDto implements MemberImportRequest {
  @ApiProperty({ description: 'CSV with a header row: email,role,term_start,term_end' })
  @IsString()
  @MaxLength(1_000_000)
  csv!: string;
}
