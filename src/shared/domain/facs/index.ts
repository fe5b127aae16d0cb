export * from './au-model';
export * from './au-table';
export { parseAus } from './au-parser';
export { printAus, printAuNode, printAuCode } from './au-printer';
export * from './au-queries';
