import { describe, expect, it } from 'vitest';
import { listArgs } from './use-event-page';

describe('listArgs', () => {
  it('sends the scope, the filters that are set and the page window', () => {
    expect(listArgs({ projectId: 4 }, { emotion: 'fear', au: undefined, status: 'flagged' }, 2, 25)).toEqual({ projectId: 4, emotion: 'fear', status: 'flagged', limit: 25, offset: 50 });
    expect(listArgs({ recordingId: 9 }, { au: 12, emotion: '' }, 0, 10)).toEqual({ recordingId: 9, au: 12, limit: 10, offset: 0 });
  });
});
