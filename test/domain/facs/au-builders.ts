import type { AuCode, AuNode, Intensity, SideMarker } from '../../../src/shared/domain/facs';

/** Short builders for expected trees: au(12, 'L', 'B') is L12B, au(10, '', 'A/B') is 10A/B. */
export function au(number: number, sides = '', intensities = '', uncertain = false): AuCode {
  return {
    kind: 'au',
    au: number,
    sides: sides === '' ? [] : (sides.split('/') as SideMarker[]),
    intensities: intensities === '' ? [] : (intensities.split('/') as Intensity[]),
    uncertain,
  };
}

export const all = (...items: AuNode[]): AuNode => ({ kind: 'all', items });
export const any = (...options: AuNode[]): AuNode => ({ kind: 'any', options });
export const ref = (body: AuNode): AuNode => ({ kind: 'ref', body });
export const text = (value: string): AuNode => ({ kind: 'text', text: value });
export const unknown: AuNode = { kind: 'unknown' };
