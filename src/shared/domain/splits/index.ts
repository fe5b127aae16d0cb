export * from './make-split';
export * from './types';
