import { TEXT_LIMITS } from '@mc/domain';
import { Text, TextList } from '../../../validation/field-decorators';

/** POST /providers (admin) — ProviderRegistered. */
export class RegisterProviderDto {
  @Text({ max: TEXT_LIMITS.title, example: 'Bordeaux Métropole — DGNSI (service commun numérique)' })
  name!: string;

  @Text({
    max: TEXT_LIMITS.title,
    required: false,
    example: "Contrat d'engagement Bordeaux Métropole – commune, avenant n°2 (RGPD)",
  })
  contractReference?: string;

  @TextList({ required: false, example: ['Assistance utilisateurs', 'Hébergement et MCO', 'Messagerie', 'Serveur de fichiers'] })
  services?: string[];

  @Text({ max: TEXT_LIMITS.short, required: false, example: 'Centre de services de la DGNSI, du lundi au vendredi 9h-12h et 13h30-17h30' })
  contact?: string;
}
