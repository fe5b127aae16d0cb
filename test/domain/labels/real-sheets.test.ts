import { describe, expect, it } from 'vitest';
import { applyMapping, labelMapping, normaliseLabel, type LabelSetId } from '../../../src/shared/domain/labels';
import { casme2Sheet, sammSheet, type SheetColumns } from '../real-sheets';

/** Counts of the normalised labels of a sheet's emotion column; fails on any unknown label. */
function normalisedCounts(sheet: SheetColumns, set: LabelSetId): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of sheet.rows) {
    const raw = row['Estimated Emotion'];
    const label = normaliseLabel(set, typeof raw === 'string' || typeof raw === 'number' ? raw : null);
    expect(label, `unknown label ${JSON.stringify(raw)}`).not.toBeNull();
    if (label !== null) counts[label] = (counts[label] ?? 0) + 1;
  }
  console.log(`${sheet.file} "Estimated Emotion" as ${set}: ${JSON.stringify(counts)}`);
  return counts;
}

describe('the emotion labels of the real sheets', () => {
  it('CASME II 20140508: all known, counts as DATASETS.md measured, MEGC 2019 composite', () => {
    const sheet = casme2Sheet();
    expect(normalisedCounts(sheet, 'casme2')).toEqual({
      others: 99,
      disgust: 63,
      happiness: 32,
      repression: 27,
      surprise: 25,
      sadness: 7,
      fear: 2,
    });
    const mapping = labelMapping('casme2-to-megc2019');
    if (!mapping) throw new Error('missing mapping');
    const report = applyMapping(
      mapping,
      sheet.rows.map((row) => row['Estimated Emotion'] as string),
    );
    expect(report.counts).toEqual({ negative: 90, positive: 32, surprise: 25 });
    expect(report.unknown).toEqual([]);
  });

  it('SAMM v2: all known (capitalised in the sheet), MEGC 2019 composite', () => {
    const sheet = sammSheet();
    expect(normalisedCounts(sheet, 'samm')).toEqual({
      anger: 57,
      other: 26,
      happiness: 26,
      surprise: 15,
      contempt: 12,
      disgust: 9,
      fear: 8,
      sadness: 6,
    });
    const mapping = labelMapping('samm-to-megc2019');
    if (!mapping) throw new Error('missing mapping');
    const report = applyMapping(
      mapping,
      sheet.rows.map((row) => row['Estimated Emotion'] as string),
    );
    expect(report.counts).toEqual({ negative: 92, positive: 26, surprise: 15 });
    expect(report.dropped).toHaveLength(26);
  });
});
