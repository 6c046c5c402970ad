import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiFile } from '../http/openapi';
import type { Response } from 'express';
import { sendExportedFile as send } from './send-exported-file';
import type { AccountView } from '@mc/access';
import { CorrelationId, CurrentAccount } from '../auth/auth.decorators';
import { AsOfQueryDto } from '../cases/queries/query-params.dto';
import { ExportCaseCommand } from './export-case.command';
import { RecordsAnExport } from './records-an-export';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/v1/cases/:caseId')
export class ExportsController {
  constructor(private readonly commands: CommandBus) {}

  @Get('dossier.pdf')
  @RecordsAnExport()
  @ApiFile('application/pdf', 'Le dossier en PDF ; l’export est enregistré (DossierExported) avant l’envoi.')
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
  @RecordsAnExport()
  @ApiFile('application/zip', 'Le paquet de preuves signé (spec/evidence-bundle.md) ; l’export est enregistré avant l’envoi.')
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
