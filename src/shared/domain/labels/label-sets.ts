/**
 * The emotion vocabularies of the MER datasets, as data. Each set lists its labels in the
 * spelling the dataset itself uses, lower-cased (CASME II "others", SAMM "other"), except where a
 * dataset abbreviates (CAS(ME)³ "happy", "sad"): there the set holds the full word and the
 * normaliser maps the abbreviation. Sources are the sections of shared/DATASETS.md.
 */

export type LabelSetId =
  | 'sdu'
  | 'casme2'
  | 'casme2-5class'
  | 'samm'
  | 'mmew'
  | 'smic'
  | 'casme-sq'
  | 'casme3'
  | 'megc2019';

export interface LabelSet {
  readonly id: LabelSetId;
  readonly name: string;
  readonly labels: readonly string[];
  /** Spellings only this dataset uses (already lower case), to a label of the set. */
  readonly aliases: Readonly<Record<string, string>>;
  /** Where the vocabulary comes from, for the provenance a research tool owes its users. */
  readonly source: string;
}

export const LABEL_SETS: Readonly<Record<LabelSetId, LabelSet>> = {
  sdu: {
    id: 'sdu',
    name: 'SDU (six basic emotions)',
    labels: ['happiness', 'surprise', 'disgust', 'sadness', 'fear', 'anger'],
    aliases: {},
    // DATASETS.md A.8: no public SDU sheet exists; this is the project's default, not a dataset's.
    source: 'project default (DATASETS.md A.8: no public sample)',
  },
  casme2: {
    id: 'casme2',
    name: 'CASME II',
    labels: ['happiness', 'surprise', 'disgust', 'repression', 'sadness', 'fear', 'others'],
    aliases: {},
    source: 'DATASETS.md A.1, column "Estimated Emotion" (20140508 and 20190701)',
  },
  'casme2-5class': {
    id: 'casme2-5class',
    name: 'CASME II, 5 classes',
    labels: ['happiness', 'disgust', 'repression', 'surprise', 'others'],
    aliases: {},
    source: 'DATASETS.md A.1, the usual 5-class protocol',
  },
  samm: {
    id: 'samm',
    name: 'SAMM',
    labels: ['anger', 'contempt', 'disgust', 'fear', 'happiness', 'sadness', 'surprise', 'other'],
    aliases: {},
    source: 'DATASETS.md A.2, column "Estimated Emotion" (written capitalised: "Anger", "Other")',
  },
  mmew: {
    id: 'mmew',
    name: 'MMEW (micro)',
    // The official folders name seven emotions; the label sheet also holds "others", which meb
    // rewrites to "repression". Both are kept: which one a lab means is its own decision.
    labels: ['happiness', 'surprise', 'disgust', 'repression', 'fear', 'sadness', 'anger', 'others'],
    aliases: {},
    source: 'DATASETS.md A.4, emotion folders and MMEW_Micro_Exp.xlsx',
  },
  smic: {
    id: 'smic',
    name: 'SMIC (HS, VIS, NIR)',
    labels: ['positive', 'negative', 'surprise'],
    // Clip names encode the label: s1_po_01, s1_ne_02, s1_sur_01.
    aliases: { po: 'positive', ne: 'negative', sur: 'surprise' },
    source: 'DATASETS.md A.3, folder names and clip-name codes',
  },
  'casme-sq': {
    id: 'casme-sq',
    name: 'CAS(ME)²',
    labels: ['positive', 'negative', 'surprise', 'others'],
    aliases: {},
    source: 'DATASETS.md A.5, column "emotion" of CASFEcode_final',
  },
  casme3: {
    id: 'casme3',
    name: 'CAS(ME)³ part A',
    labels: ['anger', 'disgust', 'fear', 'happiness', 'sadness', 'surprise', 'others'],
    aliases: {},
    source: 'DATASETS.md A.6, column "emotion" (written "happy", "sad", "others"/"Others")',
  },
  megc2019: {
    id: 'megc2019',
    name: 'MEGC 2019 composite (3 classes)',
    labels: ['negative', 'positive', 'surprise'],
    aliases: {},
    source: 'DATASETS.md A.1 and A.2, the MEGC 3-class protocol',
  },
};

export const LABEL_SET_IDS = Object.keys(LABEL_SETS) as LabelSetId[];

export function labelSet(id: LabelSetId): LabelSet {
  return LABEL_SETS[id];
}
