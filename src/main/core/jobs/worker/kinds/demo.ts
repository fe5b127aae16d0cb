import type { JobRunner } from '../context';

// Replaced by the demo generator's job in the next commit.
export const createDemoJob: JobRunner = () => Promise.reject(new Error('The demo project generator is not built yet'));
