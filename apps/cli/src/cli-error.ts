/** A refusal to tell the operator in one French sentence, without a stack trace. */
export class CliError extends Error {}
