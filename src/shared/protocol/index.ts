export * from './envelope';
export * from './transport';
