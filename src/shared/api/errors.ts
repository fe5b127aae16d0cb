/** Typed error codes every transport carries unchanged. */
export const errorCodes = [
  'VALIDATION', // input (or a handler's output) does not match the contract
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT', // e.g. a duplicate name, or a delete that would orphan data
  'CANCELLED',
  'UNAUTHORIZED',
  'TOO_LARGE',
  'UNAVAILABLE', // a dependency (ffmpeg, a backend, the disk) cannot serve the call
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One problem in a call's input, e.g. `{path: 'name', message: 'Required'}`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** Data that helps the caller recover, e.g. the current value after a stale edit. */
  details?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: unknown,
  ) {
    super(message);
  }

  toJSON(): SerializedError {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }

  static fromJSON(e: SerializedError): ApiError {
    return new ApiError(e.code, e.message, e.issues, e.details);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
