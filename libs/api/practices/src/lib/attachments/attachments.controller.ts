import type { MultipartFile } from '@fastify/multipart';
import { Action, Can, DomainException } from '@kengash/api-core';
import { CurrentPrincipal, OptionalPrincipal, Principal } from '@kengash/api-identity';
import { ATTACHMENT_FIELD, ErrorCode, PracticeAttachmentView } from '@kengash/contracts';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AttachmentsService, IncomingFile, tooLarge } from './attachments.service';

const ip = (req: FastifyRequest) => req.ip ?? null;
const uuid = () => new ParseUUIDPipe();

/** What multipart headers, boundaries and a short field may add to the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Files attached to best-practice entries: uploaded by the people who may edit the entry, downloaded by whoever
 * may read it (as a download, never rendered by the browser).
 */
@ApiTags('practices')
@Controller('practices/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @Can(Action.SignedIn)
  @ApiOperation({
    summary:
      'Attach a file (multipart, field `file`): 413 over the size cap, 415 for a type not accepted (checked from ' +
      'the content), 422 when the virus scanner flags it, 503 when the scanner is unreachable',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [ATTACHMENT_FIELD],
      properties: { [ATTACHMENT_FIELD]: { type: 'string', format: 'binary' } },
    },
  })
  async upload(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PracticeAttachmentView> {
    const max = this.attachments.maxBytes;
    if (typeof req.isMultipart !== 'function' || !req.isMultipart())
      throw new DomainException(ErrorCode.UnsupportedMediaType, 'Send the file as multipart/form-data', [
        { field: ATTACHMENT_FIELD, messages: ['is required (multipart/form-data)'] },
      ]);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max + MULTIPART_OVERHEAD) {
      // Said up front: answer at once and close, rather than read what would be thrown away.
      reply.header('connection', 'close');
      throw tooLarge(max);
    }
    // Rights first: nothing is read from someone who may not attach.
    await this.attachments.checkUpload(p, id);
    let part: MultipartFile | undefined;
    try {
      // busboy stops at fileSize (+1 so the service's own count sees the first byte too many).
      part = await req.file({ limits: { fileSize: max + 1, files: 1, fields: 10, fieldSize: 1024, parts: 12 } });
    } catch (e) {
      const err = e as { code?: unknown };
      if (err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT' || err.code === 'FST_FIELDS_LIMIT')
        throw new DomainException(ErrorCode.PayloadTooLarge, 'Send one file (field `file`) per request');
      throw new DomainException(ErrorCode.MalformedRequest, 'The multipart body could not be read');
    }
    const incoming: IncomingFile | undefined = part && {
      fieldName: part.fieldname,
      fileName: part.filename,
      stream: part.file,
      truncated: () => part?.file.truncated === true,
    };
    return this.attachments.upload(p, id, incoming, ip(req));
  }

  @Get(':attachmentId')
  @Can(Action.Public)
  @ApiOperation({
    summary: 'Download an attachment (whoever may read the entry; 404 otherwise), as Content-Disposition: attachment',
  })
  @ApiProduces('application/octet-stream')
  async download(
    @OptionalPrincipal() p: Principal | null,
    @Param('id', uuid()) id: string,
    @Param('attachmentId', uuid()) attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Req() req: FastifyRequest,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(p, id, attachmentId, ip(req));
    reply.header('content-type', file.contentType);
    reply.header('content-length', String(file.size));
    reply.header('content-disposition', file.contentDisposition);
    reply.header('x-content-type-options', 'nosniff');
    // Should it ever be opened in place, it may run nothing and load nothing.
    reply.header('content-security-policy', "default-src 'none'; sandbox");
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.size,
      disposition: file.contentDisposition,
    });
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @Can(Action.SignedIn)
  @ApiOperation({ summary: 'Remove an attachment (the people who may edit the entry)' })
  async remove(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Param('attachmentId', uuid()) attachmentId: string,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.attachments.remove(p, id, attachmentId, ip(req));
  }
}
