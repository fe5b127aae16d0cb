import type { LabelSetId } from './label-sets';

/**
 * Class mappings between label sets, as data: every label of `from` is a key, its value a label
 * of `to`, or null when the protocol drops samples with that label. Mappings act on labels
 * only; protocols that also drop named clips (MEGC 2019 drops sub04 EP12_01f, sub05 EP12_03f and
 * sub24 EP02_07 of CASME II) leave that to the importer.
 *
 * `basis` says how sure we are: `documented` mappings are the ones DATASETS.md cites from public
 * loaders; `analogy` ones apply the same rule (positive = happiness, negative = the unpleasant
 * emotions, others dropped) to a dataset no cited loader maps, and need a lab's confirmation.
 */
export interface LabelMapping {
  readonly id: string;
  readonly name: string;
  readonly from: LabelSetId;
  readonly to: LabelSetId;
  readonly map: Readonly<Record<string, string | null>>;
  readonly basis: 'documented' | 'analogy';
  readonly source: string;
}

export const LABEL_MAPPINGS: readonly LabelMapping[] = [
  {
    id: 'casme2-to-megc2019',
    name: 'CASME II → MEGC 2019 (3 classes)',
    from: 'casme2',
    to: 'megc2019',
    map: {
      happiness: 'positive',
      disgust: 'negative',
      repression: 'negative',
      surprise: 'surprise',
      others: null,
      sadness: null,
      fear: null,
    },
    basis: 'documented',
    source: 'DATASETS.md A.1 [carf-reg][meb-ds]',
  },
  {
    id: 'samm-to-megc2019',
    name: 'SAMM → MEGC 2019 (3 classes)',
    from: 'samm',
    to: 'megc2019',
    map: {
      anger: 'negative',
      contempt: 'negative',
      disgust: 'negative',
      fear: 'negative',
      sadness: 'negative',
      happiness: 'positive',
      surprise: 'surprise',
      other: null,
    },
    basis: 'documented',
    source: 'DATASETS.md A.2 [carf-reg][meb-ds]',
  },
  {
    id: 'smic-to-megc2019',
    name: 'SMIC → MEGC 2019 (3 classes)',
    from: 'smic',
    to: 'megc2019',
    // SMIC's own three classes are the composite's.
    map: { positive: 'positive', negative: 'negative', surprise: 'surprise' },
    basis: 'documented',
    source: 'DATASETS.md A.3 (labels are only positive, negative, surprise)',
  },
  {
    id: 'casme2-to-5class',
    name: 'CASME II → 5 classes',
    from: 'casme2',
    to: 'casme2-5class',
    map: {
      happiness: 'happiness',
      disgust: 'disgust',
      repression: 'repression',
      surprise: 'surprise',
      others: 'others',
      sadness: null,
      fear: null,
    },
    basis: 'documented',
    source: 'DATASETS.md A.1 [carf-reg][mmnet]',
  },
  {
    id: 'casme3-to-megc2019',
    name: 'CAS(ME)³ → 3 classes',
    from: 'casme3',
    to: 'megc2019',
    map: {
      happiness: 'positive',
      anger: 'negative',
      disgust: 'negative',
      fear: 'negative',
      sadness: 'negative',
      surprise: 'surprise',
      others: null,
    },
    basis: 'analogy',
    source: 'the SAMM rule of DATASETS.md A.2 applied to A.6 (carf_net uses a 3-class subset of it)',
  },
  {
    id: 'casme-sq-to-megc2019',
    name: 'CAS(ME)² → 3 classes',
    from: 'casme-sq',
    to: 'megc2019',
    map: { positive: 'positive', negative: 'negative', surprise: 'surprise', others: null },
    basis: 'analogy',
    source: 'DATASETS.md A.5 (already positive/negative/surprise/others)',
  },
  {
    id: 'mmew-to-megc2019',
    name: 'MMEW → 3 classes',
    from: 'mmew',
    to: 'megc2019',
    map: {
      happiness: 'positive',
      anger: 'negative',
      disgust: 'negative',
      fear: 'negative',
      sadness: 'negative',
      repression: 'negative',
      surprise: 'surprise',
      others: null,
    },
    basis: 'analogy',
    source: 'the CASME II rule of DATASETS.md A.1 applied to A.4',
  },
  {
    id: 'sdu-to-megc2019',
    name: 'SDU → 3 classes',
    from: 'sdu',
    to: 'megc2019',
    map: {
      happiness: 'positive',
      anger: 'negative',
      disgust: 'negative',
      fear: 'negative',
      sadness: 'negative',
      surprise: 'surprise',
    },
    basis: 'analogy',
    source: 'the SAMM rule of DATASETS.md A.2 applied to the SDU default set',
  },
];

export function labelMapping(id: string): LabelMapping | undefined {
  return LABEL_MAPPINGS.find((m) => m.id === id);
}
