import { HttpException } from '@nestjs/common';

export interface Sentence {
  fr: string;
  en: string;
}

/**
 * A request refused as sent, before any field is looked at (its bytes, its encoding, the
 * credentials): the error filter answers its status with its own code and sentence.
 */
export class RequestRefused extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly sentence: Sentence,
  ) {
    super(sentence.en, status);
  }
}
