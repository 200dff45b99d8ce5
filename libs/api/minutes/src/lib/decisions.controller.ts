import { Action, Can } from '@kengash/api-core';
import { CurrentPrincipal, Principal } from '@kengash/api-identity';
import { DecisionRegisterResponse, DecisionStatus } from '@kengash/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DecisionsService } from './decisions.service';

const STATUSES: DecisionStatus[] = ['recorded', 'draft', 'circulated', 'approved'];

export class DecisionQueryDto {
  @ApiPropertyOptional({ description: 'Words in the decision, its agenda item or its session' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: DecisionStatus;
}

@ApiTags('minutes')
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get()
  @Can(Action.SignedIn)
  @ApiOperation({
    summary: 'The decisions register: decisions of the sessions the caller may read, searchable and filterable',
  })
  list(@CurrentPrincipal() p: Principal, @Query() q: DecisionQueryDto): Promise<DecisionRegisterResponse> {
    return this.decisions.register(p, q);
  }
}
