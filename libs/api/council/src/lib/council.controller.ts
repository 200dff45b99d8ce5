import { Action, Can } from '@kengash/api-core';
import { WorkingGroupListResponse } from '@kengash/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CouncilService } from './council.service';

@ApiTags('council')
@Can(Action.Public)
@Controller('council')
export class CouncilController {
  constructor(private readonly council: CouncilService) {}

  @Get('groups')
  @ApiOperation({ summary: 'The council and its working groups (public: names, themes, mandates, size)' })
  @ApiOkResponse({ description: 'The council and its working groups' })
  listGroups(): Promise<WorkingGroupListResponse> {
    return this.council.listGroups();
  }
}
