export * from './match-events';
export * from './measures';
export * from './report';
