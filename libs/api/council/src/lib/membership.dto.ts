import { GroupRole } from '@kengash/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class AddMembershipDto {
  @ApiProperty()
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: GroupRole })
  @IsEnum(GroupRole)
  role!: GroupRole;

  @ApiProperty({ example: '2024-05-14' })
  @IsISO8601({ strict: true }, { message: 'termStart must be a date (yyyy-mm-dd)' })
  termStart!: string;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'termEnd must be a date (yyyy-mm-dd)' })
  termEnd?: string;
}
