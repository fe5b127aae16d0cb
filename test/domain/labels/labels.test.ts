import { describe, expect, it } from 'vitest';
import {
  LABEL_MAPPINGS,
  LABEL_SETS,
  LABEL_SET_IDS,
  applyMapping,
  labelKey,
  labelMapping,
  mapLabel,
  normaliseLabel,
  validateMapping,
  type LabelMapping,
  type LabelSetId,
} from '../../../src/shared/domain/labels';

/** Expands {label: count} into that many raw labels, the way a sheet's column holds them. */
const column = (counts: Record<string, number>): string[] => Object.entries(counts).flatMap(([label, n]) => Array<string>(n).fill(label));

/** The measured vocabularies of DATASETS.md, written exactly as the sheets write them. */
const VOCABULARIES: Record<string, { set: LabelSetId; counts: Record<string, number> }> = {
  'CASME II 20140508 (A.1)': {
    set: 'casme2',
    counts: { others: 99, disgust: 63, happiness: 32, repression: 27, surprise: 25, sadness: 7, fear: 2 },
  },
  'CASME II 20190701 (A.1)': {
    set: 'casme2',
    counts: { others: 99, disgust: 63, happiness: 32, repression: 27, surprise: 28, sadness: 4, fear: 2 },
  },
  'SAMM v2 (A.2)': {
    set: 'samm',
    counts: { Anger: 57, Other: 26, Happiness: 26, Surprise: 15, Contempt: 12, Disgust: 9, Fear: 8, Sadness: 6 },
  },
  'CAS(ME)³ part A (A.6)': {
    set: 'casme3',
    counts: { disgust: 250, surprise: 187, others: 158, Others: 3, fear: 86, anger: 64, sad: 57, happy: 55 },
  },
  'CAS(ME)² (A.5)': { set: 'casme-sq', counts: { negative: 126, positive: 124, others: 82, surprise: 25 } },
  'SMIC folders (A.3)': { set: 'smic', counts: { positive: 1, negative: 1, surprise: 1 } },
  'MMEW folders and sheet (A.4)': {
    set: 'mmew',
    counts: { happiness: 1, surprise: 1, disgust: 1, repression: 1, fear: 1, sadness: 1, anger: 1, others: 1 },
  },
};

describe('label sets', () => {
  it('are keyed by their ids and hold distinct, normalised labels', () => {
    for (const id of LABEL_SET_IDS) {
      const set = LABEL_SETS[id];
      expect(set.id).toBe(id);
      expect(new Set(set.labels).size).toBe(set.labels.length);
      for (const label of set.labels) expect(labelKey(label)).toBe(label);
      for (const target of Object.values(set.aliases)) expect(set.labels).toContain(target);
    }
  });

  it('include the vocabularies the brief and DATASETS.md name', () => {
    expect(LABEL_SETS.sdu.labels).toEqual(['happiness', 'surprise', 'disgust', 'sadness', 'fear', 'anger']);
    expect([...LABEL_SETS.casme2.labels].sort()).toEqual(['disgust', 'fear', 'happiness', 'others', 'repression', 'sadness', 'surprise']);
    expect([...LABEL_SETS.samm.labels].sort()).toEqual(['anger', 'contempt', 'disgust', 'fear', 'happiness', 'other', 'sadness', 'surprise']);
    expect([...LABEL_SETS.smic.labels].sort()).toEqual(['negative', 'positive', 'surprise']);
    expect([...LABEL_SETS.megc2019.labels].sort()).toEqual(['negative', 'positive', 'surprise']);
  });
});

describe('normaliseLabel', () => {
  it.each(Object.entries(VOCABULARIES))('knows every label of %s', (_, { set, counts }) => {
    for (const raw of Object.keys(counts)) expect(normaliseLabel(set, raw), raw).not.toBeNull();
  });

  it.each([
    ['casme2', ' Others ', 'others'],
    ['casme2', 'other', 'others'],
    ['samm', 'Others', 'other'], // meb's spelling of SAMM's "Other"
    ['samm', 'OTHER', 'other'],
    ['casme3', 'happy', 'happiness'],
    ['casme3', 'sad', 'sadness'],
    ['sdu', 'Happy', 'happiness'],
    ['sdu', 'angry', 'anger'],
    ['sdu', 'surprised', 'surprise'],
    ['casme2', 'Happiness\u00a0', 'happiness'],
    ['casme2', 'ｈａｐｐｉｎｅｓｓ', 'happiness'],
    ['smic', 'po', 'positive'],
    ['smic', 'NE', 'negative'],
    ['smic', 'sur', 'surprise'],
  ] as const)('%s: %j → %j', (set, raw, label) => {
    expect(normaliseLabel(set, raw)).toBe(label);
  });

  it.each([
    ['casme2', 'contempt'], // a real emotion, but not a CASME II label
    ['samm', 'repression'],
    ['sdu', 'others'],
    ['casme2', 'happyiness'], // CAS(ME)² self-report typo: reported, not guessed
    ['casme2', ''],
    ['casme2', null],
    ['casme2', undefined],
    ['casme2', 3],
    ['casme2', 'constructor'],
    ['smic', 'toString'],
  ] as const)('%s: %j is unknown', (set, raw) => {
    expect(normaliseLabel(set, raw)).toBeNull();
  });
});

describe('label mappings', () => {
  it.each(LABEL_MAPPINGS.map((m) => [m.id, m] as const))('%s maps every label of its source set into its target set', (_, mapping) => {
    expect(validateMapping(mapping)).toEqual([]);
  });

  it('have unique ids and can be looked up', () => {
    expect(new Set(LABEL_MAPPINGS.map((m) => m.id)).size).toBe(LABEL_MAPPINGS.length);
    expect(labelMapping('samm-to-megc2019')?.from).toBe('samm');
    expect(labelMapping('nope')).toBeUndefined();
  });

  it('validateMapping names what is wrong', () => {
    const broken: LabelMapping = {
      id: 'broken',
      name: 'broken',
      from: 'smic',
      to: 'megc2019',
      map: { positive: 'positive', negative: 'bad', joy: 'positive' },
      basis: 'analogy',
      source: 'test',
    };
    expect(validateMapping(broken)).toEqual([
      '"surprise" of smic is not mapped',
      '"bad" is not a label of megc2019',
      '"joy" is not a label of smic',
    ]);
    expect(mapLabel(broken, 'surprise')).toMatchObject({ status: 'unknown' });
  });

  const mapping = (id: string): LabelMapping => {
    const found = labelMapping(id);
    if (!found) throw new Error(`no mapping ${id}`);
    return found;
  };

  it('CASME II 20140508 → MEGC 2019: the documented composite', () => {
    const report = applyMapping(mapping('casme2-to-megc2019'), column(VOCABULARIES['CASME II 20140508 (A.1)']?.counts ?? {}));
    expect(report.counts).toEqual({ negative: 90, positive: 32, surprise: 25 });
    expect(report.dropped).toHaveLength(99 + 7 + 2);
    expect(report.unknown).toEqual([]);
  });

  it('CASME II → 5 classes drops sadness and fear', () => {
    const report = applyMapping(mapping('casme2-to-5class'), column(VOCABULARIES['CASME II 20140508 (A.1)']?.counts ?? {}));
    expect(report.counts).toEqual({ happiness: 32, disgust: 63, repression: 27, surprise: 25, others: 99 });
    expect(new Set(report.dropped.map((d) => d.label))).toEqual(new Set(['sadness', 'fear']));
  });

  it('SAMM → MEGC 2019: the five unpleasant emotions are negative, Other is dropped', () => {
    const report = applyMapping(mapping('samm-to-megc2019'), column(VOCABULARIES['SAMM v2 (A.2)']?.counts ?? {}));
    expect(report.counts).toEqual({ negative: 57 + 12 + 9 + 8 + 6, positive: 26, surprise: 15 });
    expect(report.dropped).toHaveLength(26);
    expect(report.dropped[0]).toEqual({ index: 57, raw: 'Other', label: 'other' });
  });

  it('CAS(ME)³ → 3 classes takes its abbreviations and both spellings of others', () => {
    const report = applyMapping(mapping('casme3-to-megc2019'), column(VOCABULARIES['CAS(ME)³ part A (A.6)']?.counts ?? {}));
    expect(report.counts).toEqual({ negative: 250 + 86 + 64 + 57, positive: 55, surprise: 187 });
    expect(report.dropped).toHaveLength(161);
    expect(report.unknown).toEqual([]);
  });

  it('reports unknown labels by position, keeping the raw value', () => {
    const report = applyMapping(mapping('casme2-to-megc2019'), ['happiness', 'joy', null, ' Surprise', 'others', 7]);
    expect(report.labels).toEqual(['positive', null, null, 'surprise', null, null]);
    expect(report.unknown).toEqual([
      { index: 1, raw: 'joy' },
      { index: 2, raw: null },
      { index: 5, raw: 7 },
    ]);
    expect(report.dropped).toEqual([{ index: 4, raw: 'others', label: 'others' }]);
    expect(report.counts).toEqual({ negative: 0, positive: 1, surprise: 1 });
  });
});
