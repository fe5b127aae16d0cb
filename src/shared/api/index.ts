export * from './app';
export * from './common';
export * from './contract';
export * from './errors';
export * from './jobs';
export * from './projects';
export * from './subjects';
