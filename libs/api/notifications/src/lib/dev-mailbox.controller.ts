import { Action, Can, DomainException, MailService } from '@kengash/api-core';
import { DevMailboxResponse, ErrorCode } from '@kengash/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

/**
 * The development inbox: with no `SMTP_URL`, mail goes to an SMTP catcher inside the API process, and staff
 * can read what it caught here (newest first). With a real relay configured this answers 404.
 */
@ApiTags('dev')
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @Can(Action.ManageUsers)
  @ApiOperation({ summary: 'Mail caught by the in-process SMTP catcher (only without SMTP_URL)' })
  inbox(): DevMailboxResponse {
    if (!this.mail.catching)
      throw new DomainException(ErrorCode.NotFound, 'Mail goes to a real SMTP relay; there is no development inbox');
    return { items: this.mail.inbox() };
  }
}
