import { Action, Can } from '../access/can.decorator';
import { HealthResponse } from '@kengash/contracts';
import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

@ApiTags('health')
@Can(Action.Public)
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** The process is up and answering. */
  @Get('live')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The process answers' })
  live(): HealthResponse {
    return { status: 'ok', checks: { process: 'up' } };
  }

  /** The API can serve requests: the database answers and migrations have run. */
  @Get('ready')
  @ApiOkResponse({ description: 'Ready to serve' })
  @ApiServiceUnavailableResponse({ description: 'The database is not reachable' })
  async ready(): Promise<HealthResponse> {
    const up =
      this.dataSource.isInitialized &&
      (await this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ));
    if (!up) throw new ServiceUnavailableException('The database is not reachable');
    return { status: 'ok', checks: { database: 'up' } };
  }
}
