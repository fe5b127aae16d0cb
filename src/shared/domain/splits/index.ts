export * from './make-split';
export * from './saved-split';
export * from './types';
