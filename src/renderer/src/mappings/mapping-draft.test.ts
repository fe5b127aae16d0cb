import { describe, expect, it } from 'vitest';
import type { LabelMappingInfo } from '../../../shared/api/mappings';
import { choiceOf, choiceValue, draftFrom, emptyDraft, mappingGroups, parseTargets, saveArgs } from './mapping-draft';

const sdu = ['happiness', 'surprise', 'disgust', 'sadness', 'fear', 'anger'];

const casmeToMegc: LabelMappingInfo = {
  key: 'builtin:casme2-to-megc2019',
  id: null,
  name: 'CASME II → MEGC 2019 (3 classes)',
  fromLabels: ['happiness', 'surprise', 'disgust', 'repression', 'sadness', 'fear', 'others'],
  toLabels: ['negative', 'positive', 'surprise'],
  map: { happiness: 'positive', disgust: 'negative', repression: 'negative', surprise: 'surprise', others: null, sadness: null, fear: null },
  editable: false,
  source: 'documented',
  updatedAt: null,
};

describe('draftFrom', () => {
  it('copies a built-in mapping onto the project labels it shares, leaving the others to choose', () => {
    const draft = draftFrom(casmeToMegc, ['Happiness', ...sdu.slice(1)]);
    expect(draft.id).toBeUndefined();
    expect(draft.name).toBe('CASME II → MEGC 2019 (3 classes) (copy)');
    expect(draft.targetsText).toBe('negative, positive, surprise');
    expect(draft.choices).toEqual({
      Happiness: { kind: 'class', target: 'positive' },
      surprise: { kind: 'class', target: 'surprise' },
      disgust: { kind: 'class', target: 'negative' },
      sadness: { kind: 'drop' },
      fear: { kind: 'drop' },
      anger: { kind: 'unset' },
    });
  });

  it('edits a project mapping in place', () => {
    const own = { ...casmeToMegc, key: 'project:4', id: 4, name: 'Mine', editable: true };
    expect(draftFrom(own, sdu)).toMatchObject({ id: 4, name: 'Mine' });
  });
});

describe('saveArgs', () => {
  it('sends chosen classes and dropped labels, and leaves unset labels out for the server to name', () => {
    const draft = { ...emptyDraft(['happiness', 'fear', 'anger']), name: 'Two', targetsText: ' positive, ,negative ' };
    draft.choices['happiness'] = choiceOf('positive');
    draft.choices['fear'] = choiceOf(choiceValue({ kind: 'drop' }));
    expect(saveArgs(draft, 7)).toEqual({ projectId: 7, name: 'Two', toLabels: ['positive', 'negative'], map: { happiness: 'positive', fear: null } });
    expect(saveArgs({ ...draft, id: 3 }, 7)).toMatchObject({ id: 3 });
  });
});

describe('parseTargets', () => {
  it('reads comma-separated classes in the order typed', () => {
    expect(parseTargets('negative,positive , surprise,')).toEqual(['negative', 'positive', 'surprise']);
    expect(parseTargets('  ')).toEqual([]);
  });
});

describe('mappingGroups', () => {
  it('groups labels by their class, dropped labels last', () => {
    expect(mappingGroups(casmeToMegc)).toEqual([
      { target: 'negative', labels: ['disgust', 'repression'] },
      { target: 'positive', labels: ['happiness'] },
      { target: 'surprise', labels: ['surprise'] },
      { target: null, labels: ['others', 'sadness', 'fear'] },
    ]);
  });
});
