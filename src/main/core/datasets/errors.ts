/** A problem with the user's dataset (sheet, folders, mapping): reported as such, never as our failure. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}
