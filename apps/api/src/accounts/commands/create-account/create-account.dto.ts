import { ROLES, TEXT_LIMITS, type Role } from '@mc/domain';
import { OneOf, Text } from '../../../validation/field-decorators';

/** POST /accounts (admin). Username rules and password strength are checked by the account decider. */
export class CreateAccountDto {
  @Text({ max: 64, example: 'bollywood' })
  username!: string;

  @Text({ max: TEXT_LIMITS.title, required: false, example: 'Médiathécaire (Bollywood)' })
  displayName?: string;

  @OneOf(ROLES, { example: 'agent' })
  role!: Role;

  @Text({ max: TEXT_LIMITS.title, required: false, example: 'CGT' })
  union?: string;

  @Text({ max: 200, example: 'un mot de passe long et unique' })
  password!: string;
}
