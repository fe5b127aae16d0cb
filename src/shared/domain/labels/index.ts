export * from './label-sets';
export * from './normalise-label';
export * from './label-mappings';
export * from './apply-mapping';
