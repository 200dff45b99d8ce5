import { AuditService } from '@kengash/api-audit';
import { AttachmentsConfig, DomainException, ValidationDomainException } from '@kengash/api-core';
import { Principal } from '@kengash/api-identity';
import { ATTACHMENT_FIELD, ATTACHMENT_LIMITS, ErrorCode, PracticeAttachmentView } from '@kengash/contracts';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { PracticeAttachmentEntity } from '../practice.entities';
import { PracticesService } from '../practices.service';
import { contentDisposition, detectAttachmentType, storedFileName } from './attachment-types';
import {
  ATTACHMENT_STORAGE,
  AttachmentMissingError,
  AttachmentStorage,
  StorageUnavailableError,
} from './attachment-storage';
import { StagedFile, UploadStaging, UploadTooLargeError } from './attachment-upload';
import { ScannerUnavailableError, VIRUS_SCANNER, VirusScanner } from './virus-scanner';

/** One file part of a multipart request, as the controller hands it over. */
export interface IncomingFile {
  fieldName: string;
  fileName: string | undefined;
  stream: Readable;
  /** True when the parser itself cut the file at its limit. */
  truncated(): boolean;
}

export interface AttachmentDownload {
  stream: Readable;
  size: number;
  contentType: string;
  contentDisposition: string;
}

type Loaded = Awaited<ReturnType<PracticesService['load']>>;

const fileError = (code: ErrorCode, message: string, messages: string[]) =>
  new DomainException(code, message, [{ field: ATTACHMENT_FIELD, messages }]);

export const tooLarge = (maxBytes: number) =>
  new DomainException(ErrorCode.PayloadTooLarge, `The file is larger than the limit of ${maxBytes} bytes`, {
    maxBytes,
  });

const attachmentNotFound = () => new DomainException(ErrorCode.NotFound, 'This attachment was not found');

/**
 * Attachments of best-practice entries. An upload is streamed to a staging file (counted against the cap and
 * hashed on the way), its type found from its bytes, scanned when a scanner is configured, then stored under a
 * generated key and recorded (with an audit event) in one transaction that checks the person's rights again.
 */
@Injectable()
export class AttachmentsService implements OnModuleInit {
  private readonly logger = new Logger('Attachments');
  private readonly config: AttachmentsConfig;
  readonly staging: UploadStaging;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly practices: PracticesService,
    private readonly audit: AuditService,
    config: ConfigService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(VIRUS_SCANNER) private readonly scanner: VirusScanner,
  ) {
    this.config = config.getOrThrow<AttachmentsConfig>('attachments');
    this.staging = new UploadStaging(this.config.dataDir);
  }

  get maxBytes(): number {
    return this.config.maxBytes;
  }

  async onModuleInit(): Promise<void> {
    await this.staging.prepare();
    this.logger.log(
      `Attachments: ${this.storage.kind === 's3' ? 'S3 bucket' : 'local disk'}, up to ${this.config.maxBytes} bytes, ` +
        (this.scanner.enabled ? 'scanned by clamd' : 'not scanned for viruses (CLAMAV_HOST is not set)'),
    );
  }

  // ---- upload ------------------------------------------------------------------------------------------

  /** Before the body is read: the entry exists for the person, they may attach, and there is room. */
  async checkUpload(principal: Principal, practiceId: string): Promise<void> {
    const loaded = await this.practices.load(principal, practiceId);
    this.checkAttach(loaded);
    await this.checkRoom(this.db.manager, practiceId);
  }

  async upload(
    principal: Principal,
    practiceId: string,
    incoming: IncomingFile | undefined,
    ip: string | null,
  ): Promise<PracticeAttachmentView> {
    if (!incoming) throw new ValidationDomainException([{ field: ATTACHMENT_FIELD, messages: ['is required'] }]);
    if (incoming.fieldName !== ATTACHMENT_FIELD) {
      incoming.stream.resume();
      throw new ValidationDomainException([
        { field: ATTACHMENT_FIELD, messages: [`is required (the file was sent in "${incoming.fieldName}")`] },
      ]);
    }
    let staged: StagedFile | null = null;
    try {
      staged = await this.receive(incoming);
      if (staged.size === 0) throw new ValidationDomainException([{ field: ATTACHMENT_FIELD, messages: ['is empty'] }]);
      const detected = await detectAttachmentType(staged.path, incoming.fileName ?? '');
      if (!detected.ok)
        throw fileError(ErrorCode.UnsupportedMediaType, 'This type of file is not accepted', [detected.reason]);
      const fileName = storedFileName(incoming.fileName, detected.extension);
      await this.scan(principal, practiceId, staged, fileName, ip);

      const key = randomUUID();
      try {
        await this.storage.put(key, staged.path, { size: staged.size, contentType: detected.contentType });
      } catch (e) {
        throw this.storageFailure('store', e);
      }
      const file = staged;
      try {
        const id = await this.db.transaction(async (tx) => {
          // The entry may have changed while the file was received: check again, under the entry's lock.
          const loaded = await this.practices.load(principal, practiceId, tx, true);
          this.checkAttach(loaded);
          await this.checkRoom(tx, practiceId);
          const saved = await tx.getRepository(PracticeAttachmentEntity).save({
            practiceId,
            fileName,
            contentType: detected.contentType,
            size: file.size,
            sha256: file.sha256,
            storageKey: key,
            uploadedBy: principal.userId,
          });
          await this.audit.record(
            {
              actorId: principal.userId,
              action: 'practice.attachment_added',
              targetType: 'practice',
              targetId: practiceId,
              ip,
              details: {
                attachmentId: saved.id,
                fileName,
                contentType: detected.contentType,
                size: file.size,
                sha256: file.sha256,
                scanned: this.scanner.enabled,
              },
            },
            tx,
          );
          return saved.id;
        });
        return this.view(id);
      } catch (e) {
        // Nothing recorded: remove the stored bytes again.
        await this.storage
          .delete(key)
          .catch((err: unknown) =>
            this.logger.error({ err, key }, 'An attachment whose record failed could not be removed from storage'),
          );
        throw e;
      }
    } finally {
      await this.staging.discard(staged);
    }
  }

  /** Streams the part into staging; limits become 413, a broken multipart body 400, a local failure 503. */
  private async receive(incoming: IncomingFile): Promise<StagedFile> {
    let staged: StagedFile;
    try {
      staged = await this.staging.receive(incoming.stream, this.config.maxBytes);
    } catch (e) {
      if (e instanceof UploadTooLargeError) throw tooLarge(this.config.maxBytes);
      const err = e as { code?: unknown; statusCode?: unknown; syscall?: unknown };
      if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(this.config.maxBytes);
      if (typeof err.syscall === 'string') throw this.storageFailure('stage', e);
      throw new DomainException(ErrorCode.MalformedRequest, 'The multipart body could not be read');
    }
    if (incoming.truncated()) {
      await this.staging.discard(staged);
      throw tooLarge(this.config.maxBytes);
    }
    return staged;
  }

  private async scan(
    principal: Principal,
    practiceId: string,
    staged: StagedFile,
    fileName: string,
    ip: string | null,
  ): Promise<void> {
    if (!this.scanner.enabled) return;
    let verdict;
    try {
      verdict = await this.scanner.scan(staged.path);
    } catch (e) {
      this.logger.error({ err: e }, 'The virus scanner could not scan an upload');
      throw new DomainException(
        ErrorCode.ServiceUnavailable,
        e instanceof ScannerUnavailableError
          ? 'The virus scanner is not available; nothing was stored, try again later'
          : 'The upload could not be scanned; nothing was stored, try again later',
      );
    }
    if (verdict.clean) return;
    await this.audit.record({
      actorId: principal.userId,
      action: 'practice.attachment_infected',
      targetType: 'practice',
      targetId: practiceId,
      ip,
      details: { fileName, size: staged.size, sha256: staged.sha256, signature: verdict.signature },
    });
    throw fileError(ErrorCode.UnprocessableContent, 'The virus scanner refused this file; nothing was stored', [
      `the virus scanner found ${verdict.signature}`,
    ]);
  }

  private storageFailure(what: 'stage' | 'store' | 'read', e: unknown): DomainException {
    this.logger.error({ err: e }, `Attachment storage failed (${what})`);
    return new DomainException(
      ErrorCode.ServiceUnavailable,
      e instanceof StorageUnavailableError || what !== 'read'
        ? 'The file storage is not available; try again later'
        : 'The file could not be read',
    );
  }

  /** 409 when the entry's state forbids it for someone who could otherwise attach, 403 otherwise. */
  private checkAttach({ entry, rights }: Loaded): void {
    if (rights.attach) return;
    if (rights.insider && entry.status === 'archived')
      throw new DomainException(ErrorCode.Conflict, 'Archived entries take no attachments', {
        status: entry.status,
      });
    throw new DomainException(
      ErrorCode.Forbidden,
      'Only the people who may edit this entry add or remove its attachments',
    );
  }

  private async checkRoom(m: EntityManager, practiceId: string): Promise<void> {
    const count = await m.getRepository(PracticeAttachmentEntity).count({ where: { practiceId } });
    if (count >= ATTACHMENT_LIMITS.perEntryMax)
      throw new DomainException(
        ErrorCode.Conflict,
        `An entry has at most ${ATTACHMENT_LIMITS.perEntryMax} attachments; remove one first`,
        { max: ATTACHMENT_LIMITS.perEntryMax },
      );
  }

  private async view(id: string): Promise<PracticeAttachmentView> {
    const a = await this.db
      .getRepository(PracticeAttachmentEntity)
      .findOneOrFail({ where: { id }, relations: { uploader: true } });
    return {
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      uploadedAt: a.uploadedAt.toISOString(),
      uploadedBy: a.uploader ? { userId: a.uploader.id, name: a.uploader.displayName } : null,
    };
  }

  // ---- download and delete -----------------------------------------------------------------------------

  /**
   * For whoever may read the entry (anyone for a public published entry); 404 otherwise. Downloads of files that
   * are not public (drafts, entries for the council or the network) are audited: who took which file, when.
   */
  async download(
    principal: Principal | null,
    practiceId: string,
    attachmentId: string,
    ip: string | null = null,
  ): Promise<AttachmentDownload> {
    const { entry } = await this.practices.load(principal, practiceId);
    const a = await this.db
      .getRepository(PracticeAttachmentEntity)
      .findOne({ where: { id: attachmentId, practiceId } });
    if (!a) throw attachmentNotFound();
    let stream: Readable;
    try {
      stream = await this.storage.get(a.storageKey);
    } catch (e) {
      if (e instanceof AttachmentMissingError) {
        this.logger.error({ attachmentId, key: a.storageKey }, 'The stored file of an attachment is missing');
        throw attachmentNotFound();
      }
      throw this.storageFailure('read', e);
    }
    if (!(entry.status === 'published' && entry.visibility === 'public')) {
      await this.audit
        .record({
          actorId: principal?.userId ?? null,
          action: 'practice.attachment_downloaded',
          targetType: 'practice',
          targetId: practiceId,
          ip,
          details: { attachmentId: a.id, sha256: a.sha256 },
        })
        .catch((err: unknown) => {
          stream.destroy();
          throw err;
        });
    }
    return {
      stream,
      size: a.size,
      contentType: a.contentType,
      contentDisposition: contentDisposition(a.fileName),
    };
  }

  async remove(principal: Principal, practiceId: string, attachmentId: string, ip: string | null): Promise<void> {
    const key = await this.db.transaction(async (tx) => {
      const loaded = await this.practices.load(principal, practiceId, tx, true);
      const a = await tx.getRepository(PracticeAttachmentEntity).findOne({ where: { id: attachmentId, practiceId } });
      if (!a) throw attachmentNotFound();
      this.checkAttach(loaded);
      await tx.getRepository(PracticeAttachmentEntity).delete({ id: a.id });
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'practice.attachment_removed',
          targetType: 'practice',
          targetId: practiceId,
          ip,
          details: { attachmentId: a.id, fileName: a.fileName, sha256: a.sha256 },
        },
        tx,
      );
      return a.storageKey;
    });
    // The record is gone first, so no entry ever points at missing bytes; a failure here leaves only an orphan.
    await this.storage
      .delete(key)
      .catch((err: unknown) =>
        this.logger.error({ err, key }, 'A removed attachment could not be deleted from storage'),
      );
  }
}
