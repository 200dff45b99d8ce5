import type { AttachmentsConfig } from '@kengash/api-core';
import { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ATTACHMENT_STORAGE, createAttachmentStorage } from './attachment-storage';
import { createVirusScanner, VIRUS_SCANNER } from './virus-scanner';

/** Storage and scanner chosen from the configuration (S3 or local disk; clamd or none). */
export const ATTACHMENT_PROVIDERS: Provider[] = [
  {
    provide: ATTACHMENT_STORAGE,
    inject: [ConfigService],
    useFactory: (config: ConfigService) => createAttachmentStorage(config.getOrThrow<AttachmentsConfig>('attachments')),
  },
  {
    provide: VIRUS_SCANNER,
    inject: [ConfigService],
    useFactory: (config: ConfigService) =>
      createVirusScanner(config.getOrThrow<AttachmentsConfig>('attachments').clamav),
  },
];
