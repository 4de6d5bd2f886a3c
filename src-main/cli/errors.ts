/** An expected failure the CLI reports as one message and an exit status, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A mistake in how the command was called (exit status 2). */
export function usage(message: string): CliError {
  return new CliError(`${message}\nRun \`npm run -s cli -- help\` for usage.`, 2);
}
