import { Action, Can } from '@kengash/api-core';
import { COUNCIL_CITIES, WorldClockResponse } from '@kengash/contracts';
import { worldClock } from '@kengash/util-time';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorldClockDto } from './world-clock.dto';

@ApiTags('time')
@Can(Action.Public)
@Controller('time')
export class TimeController {
  /** What the clocks show in the council's cities (or the given zones) at one instant. */
  @Post('world-clock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Local times of an instant in the five capitals and partner cities' })
  @ApiOkResponse({ description: 'Local wall time and UTC offset per zone' })
  @ApiBadRequestResponse({ description: 'Invalid instant or unknown zone; each bad field is listed' })
  worldClock(@Body() body: WorldClockDto): WorldClockResponse {
    const instant = new Date(body.instant);
    const zones = body.zones ?? COUNCIL_CITIES.map((c) => c.zone);
    return { instant: instant.toISOString(), entries: worldClock(instant, zones) };
  }
}
