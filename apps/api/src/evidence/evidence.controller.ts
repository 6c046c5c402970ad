import { Body, Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, DomainError } from '@mc/domain';
import { CorrelationId, CurrentActor } from '../auth/auth.decorators';
import { AttachEvidenceCommand } from './commands/attach-evidence/attach-evidence.command';
import { AttachEvidenceDto, AttachEvidenceForm } from './commands/attach-evidence/attach-evidence.dto';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { GetEvidenceQuery } from './get-evidence.query';
import { contentDisposition } from '../http/content-disposition';
import { ApiFile } from '../http/openapi';

/** What multer's disk storage gives for the `file` part. */
interface MulterFile {
  path: string;
  originalname: string;
  mimetype: string;
}

@ApiTags('pièces')
@ApiBearerAuth()
@Controller('api/v1/cases/:caseId/evidence')
export class EvidenceController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachEvidenceForm })
  @UseInterceptors(EvidenceUploadInterceptor)
  async attach(
    @Param('caseId') caseId: string,
    @UploadedFile() file: MulterFile | undefined,
    @Body() fields: AttachEvidenceDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() cid: string,
  ) {
    if (!file)
      throw DomainError.of(
        'INVALID_INPUT',
        'file',
        'Joignez le fichier dans le champ « file » (formulaire multipart).',
        'Attach the file in the "file" field (multipart form).',
      );
    const result = await this.commands.execute(
      new AttachEvidenceCommand(actor, caseId, { path: file.path, originalName: file.originalname, claimedType: file.mimetype }, fields, cid),
    );
    const { write } = result;
    return {
      evidenceId: write.assignedId!.value,
      sha256: result.sha256,
      size: result.size,
      mediaType: result.mediaType,
      fileName: result.fileName,
      caseId: write.caseId,
      streamId: write.streamId,
      revision: write.revision,
      recordedAt: write.recordedAt,
      hash: write.hash,
    };
  }

  @Get(':evidenceId')
  @ApiFile('*/*', 'Les octets de la pièce, avec le type de média enregistré pour elle.')
  async download(@Param('caseId') caseId: string, @Param('evidenceId') evidenceId: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const { evidence, open } = await this.queries.execute(new GetEvidenceQuery(actor, caseId, evidenceId));
    res.setHeader('Content-Type', evidence.mediaType);
    res.setHeader('Content-Length', String(evidence.size));
    res.setHeader('Content-Disposition', contentDisposition(evidence.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Digest', `sha-256=${Buffer.from(evidence.sha256, 'hex').toString('base64')}`);
    open().pipe(res);
  }
}
