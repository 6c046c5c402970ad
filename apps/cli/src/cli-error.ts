import { say, type Sentence } from './cli-language';

/** A refusal to tell the operator in one sentence, in the command line's language, without a stack trace. */
export class CliError extends Error {
  constructor(readonly sentence: Sentence) {
    super(say(sentence));
  }
}
