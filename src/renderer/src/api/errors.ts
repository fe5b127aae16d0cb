import { ApiError, isApiError } from '../../../shared/api/errors';

/** Anything a call can throw, as an ApiError (a failed carrier becomes UNAVAILABLE). */
export function asApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (error instanceof TypeError) return new ApiError('UNAVAILABLE', `Cannot reach the workstation backend: ${error.message}`);
  return new ApiError('INTERNAL', error instanceof Error ? error.message : String(error));
}

/** The server's message for one input field, to show next to that field. */
export function fieldMessage(error: ApiError | null, field: string): string | undefined {
  if (!error || error.code !== 'VALIDATION') return undefined;
  return error.issues?.find((issue) => issue.path === field || issue.path.startsWith(`${field}.`))?.message;
}

/**
 * What to show above a form: the server's message verbatim, except for validation problems
 * already shown next to one of `shownFields`.
 */
export function formMessage(error: ApiError | null, shownFields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (error.code !== 'VALIDATION' || !error.issues || error.issues.length === 0) return error.message;
  const elsewhere = error.issues.filter((issue) => !shownFields.some((f) => issue.path === f || issue.path.startsWith(`${f}.`)));
  if (elsewhere.length === 0) return undefined;
  return elsewhere.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
