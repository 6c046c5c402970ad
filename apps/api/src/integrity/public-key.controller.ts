import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiFile } from '../http/openapi';
import type { SigningKey } from '@mc/evidence';
import { Public } from '../auth/auth.decorators';
import { SIGNING_KEY } from '../journal/journal.tokens';
import { LangQueryDto } from '../cases/queries/query-params.dto';

@ApiTags('intégrité')
@Controller('api/v1/integrity')
export class PublicKeyController {
  constructor(@Inject(SIGNING_KEY) private readonly key: SigningKey) {}

  /** The journal's Ed25519 public key (SPKI PEM): what bundles are checked against. */
  @Public()
  @Get('public-key')
  @Header('Content-Type', 'application/x-pem-file; charset=utf-8')
  @ApiFile('application/x-pem-file', 'La clé publique Ed25519 du journal (SPKI, PEM).')
  publicKey(@Query() _query: LangQueryDto): string {
    return this.key.publicKeyPem;
  }
}
