import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { asApiError, fieldMessage, formMessage } from './errors';

const validation = new ApiError('VALIDATION', 'Invalid input for projects.create: name: must not be empty', [
  { path: 'name', message: 'must not be empty' },
  { path: 'labelSet.2', message: 'must not be empty' },
]);

describe('fieldMessage', () => {
  it('finds the server message for a field, including its nested paths', () => {
    expect(fieldMessage(validation, 'name')).toBe('must not be empty');
    expect(fieldMessage(validation, 'labelSet')).toBe('must not be empty');
    expect(fieldMessage(validation, 'defaultFps')).toBeUndefined();
  });

  it('ignores errors that are not about the input', () => {
    expect(fieldMessage(new ApiError('CONFLICT', 'A project named "x" already exists'), 'name')).toBeUndefined();
  });
});

describe('formMessage', () => {
  it('shows other errors verbatim', () => {
    expect(formMessage(new ApiError('CONFLICT', 'Subject "006" already exists in this project'), ['code'])).toBe(
      'Subject "006" already exists in this project',
    );
  });

  it('leaves out issues already shown next to their field', () => {
    expect(formMessage(validation, ['name', 'labelSet'])).toBeUndefined();
    expect(formMessage(validation, ['name'])).toBe('labelSet.2: must not be empty');
  });
});

describe('asApiError', () => {
  it('keeps ApiErrors and wraps anything else', () => {
    expect(asApiError(validation)).toBe(validation);
    expect(asApiError(new TypeError('Failed to fetch')).code).toBe('UNAVAILABLE');
    expect(asApiError('boom')).toMatchObject({ code: 'INTERNAL', message: 'boom' });
  });
});
