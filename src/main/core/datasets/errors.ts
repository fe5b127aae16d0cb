/** The input a dataset problem is about, so that a form can show the message next to that field. */
export type DatasetField = 'root' | 'sheet' | 'format' | 'generic';

/** A problem with the user's dataset (sheet, folders, mapping): reported as such, never as our failure. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  field: DatasetField | undefined;

  constructor(message: string, field?: DatasetField) {
    super(message);
    this.field = field;
  }
}

/** Runs `read`; a DatasetError it throws that names no field is about `field`. */
export function about<T>(field: DatasetField, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DatasetError) error.field ??= field;
    throw error;
  }
}
