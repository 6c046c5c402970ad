import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

const message = (field: string) => JSON.stringify({ fr: `Le champ « ${field} » est requis (texte).`, en: `${field} is required (text).` });

export class LoginDto {
  @ApiProperty({ example: 'bollywood' })
  @IsString({ message: message('username') })
  @MaxLength(200, { message: message('username') })
  username!: string;

  @ApiProperty({ example: 'un mot de passe long' })
  @IsString({ message: message('password') })
  @MaxLength(1000, { message: message('password') })
  password!: string;
}
