export * from './facs';
export * from './labels';
