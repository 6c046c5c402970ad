import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { SigningKey } from '@mc/evidence';
import { Public } from '../auth/auth.decorators';
import { SIGNING_KEY } from '../journal/journal.tokens';

@ApiTags('intégrité')
@Controller('api/v1/integrity')
export class PublicKeyController {
  constructor(@Inject(SIGNING_KEY) private readonly key: SigningKey) {}

  /** The journal's Ed25519 public key (SPKI PEM): what bundles are checked against. */
  @Public()
  @Get('public-key')
  @Header('Content-Type', 'application/x-pem-file; charset=utf-8')
  @ApiProduces('application/x-pem-file')
  publicKey(): string {
    return this.key.publicKeyPem;
  }
}
