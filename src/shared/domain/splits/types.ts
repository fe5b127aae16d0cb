/** What a split needs to know of a sample. */
export interface SplitSample {
  id: number;
  /** Subject, unique across datasets (e.g. `casme2/sub01`): the unit that must not cross a split. */
  subject: string;
  /** The class the sample trains as (after any mapping). */
  label: string;
  /** For leave-one-dataset-out. */
  dataset?: string;
}

export const protocols = ['kfold', 'loso', 'megc', 'lodo', 'holdout', 'kfold-subject-dependent'] as const;
export type Protocol = (typeof protocols)[number];

export interface Fold {
  index: number;
  /** e.g. "fold 1 of 5", "subject sub04", "dataset SAMM". */
  name: string;
  train: number[];
  /** Training subjects held out for model selection (never the test fold). */
  validation: number[];
  test: number[];
}

export interface Split {
  /** `saved`: folds given as they are (splitFromFolds), e.g. a split saved by the Export page. */
  protocol: Protocol | 'saved';
  seed: number;
  /** True only for a protocol the user chose knowing that subjects cross sides. */
  subjectDependent: boolean;
  folds: Fold[];
}

export class SplitError extends Error {
  override readonly name = 'SplitError';
}
