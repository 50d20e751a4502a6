/** Error codes shown to users or used by adapters to choose a reaction. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'STORE_FAILURE'
  | 'PLATFORM_FAILURE'
  | 'INTERNAL';

/** An error with a message that is safe to show a chat user. */
export class NewsdeskError extends Error {
  override readonly name = 'NewsdeskError';
  readonly code: ErrorCode;
  readonly userMessage: string;

  constructor(code: ErrorCode, userMessage: string, options?: { cause?: unknown; detail?: string }) {
    super(options?.detail ?? userMessage, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.userMessage = userMessage;
  }
}

export function isNewsdeskError(error: unknown): error is NewsdeskError {
  return error instanceof NewsdeskError;
}
