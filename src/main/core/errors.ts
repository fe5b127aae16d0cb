import { ZodError } from 'zod';
import { ApiError, type FieldIssue } from '../../shared/api/errors';

export function validationError(what: string, error: ZodError): ApiError {
  const issues: FieldIssue[] = error.issues.map((i) => ({
    path: i.path.length > 0 ? i.path.map(String).join('.') : '(input)',
    message: i.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new ApiError('VALIDATION', `Invalid input for ${what}: ${summary}`, issues);
}

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps anything a handler throws to a typed ApiError; unknown errors become INTERNAL. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return validationError('the call', error);
  const code = sqliteCode(error);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new ApiError('CONFLICT', 'That already exists');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new ApiError('CONFLICT', 'Other data still refers to this item');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new ApiError('UNAVAILABLE', 'The disk is full; nothing was changed');
  if (code === 'SQLITE_BUSY') return new ApiError('UNAVAILABLE', 'The database is busy; try again');
  if (error instanceof Error && error.name === 'AbortError') return new ApiError('CANCELLED', 'The call was cancelled');
  console.error('[dispatch] internal error', error);
  return new ApiError('INTERNAL', `Internal error: ${error instanceof Error ? error.message : String(error)}`);
}

export function notFound(what: string, id: number | string): ApiError {
  return new ApiError('NOT_FOUND', `${what} ${id} does not exist`);
}
