import { PUBLIC_HOLIDAYS, TEXT_LIMITS, type PublicHolidays } from '@mc/domain';
import { NoRevisionYet, OneOf, Text, Uuid } from '../../../validation/field-decorators';

/** POST /cases — opens a case; the caller becomes its owner. */
export class OpenCaseDto {
  @Text({ max: TEXT_LIMITS.title, example: 'Coupure de la messagerie et du serveur de fichiers de la médiathèque' })
  title!: string;

  @Text({
    max: TEXT_LIMITS.text,
    required: false,
    example: "Le prestataire d'infogérance a coupé sans préavis nos accès à la messagerie, au tchat et au serveur de fichiers après un mailing aux lecteurs.",
  })
  summary?: string;

  @Text({ max: TEXT_LIMITS.short, required: false, example: 'Médiathèque' })
  service?: string;

  @Text({ max: TEXT_LIMITS.short, required: false, example: 'Communauté de communes du Val de Loire' })
  organisation?: string;

  @Uuid({ required: false, description: 'Le prestataire en cause, enregistré par un administrateur.' })
  providerId?: string;

  @OneOf(PUBLIC_HOLIDAYS, {
    required: false,
    example: 'fr',
    description: 'Jours fériés qui prolongent les délais : « fr » (défaut) ou « fr-alsace-moselle » (Vendredi saint et 26 décembre en plus).',
  })
  publicHolidays?: PublicHolidays;

  /** Refused: the case does not exist yet, so nothing can have changed in the meantime. */
  @NoRevisionYet({ fr: "à l'ouverture d'un dossier", en: 'when opening a case' })
  expectedRevision?: number;
}
