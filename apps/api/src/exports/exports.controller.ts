import { createReadStream } from 'node:fs';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AccountView } from '@mc/access';
import { CorrelationId, CurrentAccount } from '../auth/auth.decorators';
import { contentDisposition } from '../http/content-disposition';
import { AsOfQueryDto } from '../cases/queries/query-params.dto';
import { ExportCaseCommand, ExportedFile } from './export-case.command';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/v1/cases/:caseId')
export class ExportsController {
  constructor(private readonly commands: CommandBus) {}

  @Get('dossier.pdf')
  @ApiProduces('application/pdf')
  async dossier(
    @Param('caseId') caseId: string,
    @Query() q: AsOfQueryDto,
    @CurrentAccount() account: AccountView,
    @CorrelationId() cid: string,
    @Res() res: Response,
  ) {
    send(res, await this.commands.execute(new ExportCaseCommand(account, caseId, 'pdf', q.asOf, q.lang === 'en' ? 'en' : 'fr', cid)));
  }

  @Get('bundle.zip')
  @ApiProduces('application/zip')
  async bundle(
    @Param('caseId') caseId: string,
    @Query() q: AsOfQueryDto,
    @CurrentAccount() account: AccountView,
    @CorrelationId() cid: string,
    @Res() res: Response,
  ) {
    send(res, await this.commands.execute(new ExportCaseCommand(account, caseId, 'bundle', q.asOf, q.lang === 'en' ? 'en' : 'fr', cid)));
  }
}

function send(res: Response, file: ExportedFile): void {
  res.setHeader('Content-Type', file.mediaType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  res.setHeader('X-Export-Id', file.exportId);
  res.setHeader('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
  const stream = createReadStream(file.path);
  stream.on('close', () => void file.dispose());
  stream.pipe(res);
}
