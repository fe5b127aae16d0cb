/**
 * Classification metrics for one fold and for all folds pooled, with UF1 and UAR as MEGC 2019
 * defines them: per class c, TP_c, FP_c, FN_c and the number of samples n_c are summed over all
 * folds first; then F1_c = 2·TP_c / (2·TP_c + FP_c + FN_c) and recall_c = TP_c / n_c, and
 * UF1 and UAR are the plain means of F1_c and recall_c over the classes. Pooling is done by adding
 * the folds' confusion matrices, which sums exactly those counts.
 *
 * Classes with no samples (n_c = 0, common in a single LOSO fold) have no recall, so they are left
 * out of both averages: UF1 and UAR always average over the same classes, those that have at
 * least one true sample in the set measured (`averagedClasses`). A wrong prediction of an absent
 * class still costs: it is a false negative of the sample's true class, which is averaged. (The
 * widely copied MEGC 2019 script skips a class absent from both truth and predictions; one absent
 * from the truth but predicted enters UF1 with F1 = 0 and makes UAR NaN.)
 * Pooled over LOSO folds every class has samples, so the choice only shows in per-fold figures.
 * Values that are 0/0 are null, never NaN.
 */

/** matrix[t][p] = how many samples of true class t were predicted as class p. */
export type ConfusionMatrix = number[][];

export interface ClassScores {
  /** Samples of this class (n_c = TP + FN). */
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** TP / (TP + FN); null without samples of the class. */
  recall: number | null;
  /** TP / (TP + FP); null when the class was never predicted. */
  precision: number | null;
  /** 2TP / (2TP + FP + FN); null when the class neither occurs nor is predicted. */
  f1: number | null;
}

export interface Evaluation {
  matrix: ConfusionMatrix;
  samples: number;
  /** Share of samples predicted right; null without samples. */
  accuracy: number | null;
  perClass: ClassScores[];
  /** Indices of the classes UF1 and UAR average over: those with at least one sample. */
  averagedClasses: number[];
  /** Mean F1 over `averagedClasses`; null when there are none. */
  uf1: number | null;
  /** Mean recall over `averagedClasses` (balanced accuracy); null when there are none. */
  uar: number | null;
}

export interface FoldPredictions {
  truth: readonly number[];
  predicted: readonly number[];
}

function checkClass(value: number, classCount: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= classCount) {
    throw new RangeError(`${what} ${value} is not a class index in 0..${classCount - 1}`);
  }
}

export function emptyMatrix(classCount: number): ConfusionMatrix {
  return Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
}

/** The confusion matrix of paired true and predicted class indices. */
export function confusionMatrix(truth: readonly number[], predicted: readonly number[], classCount: number): ConfusionMatrix {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true classes but ${predicted.length} predictions`);
  const matrix = emptyMatrix(classCount);
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    checkClass(t, classCount, 'true class');
    checkClass(p, classCount, 'predicted class');
    matrix[t]![p]!++;
  });
  return matrix;
}

/** The element-wise sum: the matrix of all the folds' predictions taken together. */
export function addMatrices(matrices: readonly ConfusionMatrix[], classCount: number): ConfusionMatrix {
  const sum = emptyMatrix(classCount);
  for (const m of matrices) {
    if (m.length !== classCount) throw new RangeError(`a ${m.length}-class matrix cannot be added to ${classCount} classes`);
    m.forEach((row, t) => row.forEach((n, p) => (sum[t]![p]! += n)));
  }
  return sum;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);
const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);

export function classScores(matrix: ConfusionMatrix, c: number): ClassScores {
  const tp = matrix[c]![c]!;
  const support = matrix[c]!.reduce((s, n) => s + n, 0);
  const predictedAsC = matrix.reduce((s, row) => s + row[c]!, 0);
  const fp = predictedAsC - tp;
  const fn = support - tp;
  return {
    support,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    recall: ratio(tp, support),
    precision: ratio(tp, predictedAsC),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

/** Accuracy, per-class scores, UF1 and UAR of one confusion matrix. */
export function evaluateMatrix(matrix: ConfusionMatrix): Evaluation {
  const perClass = matrix.map((_, c) => classScores(matrix, c));
  const samples = perClass.reduce((s, c) => s + c.support, 0);
  const correct = perClass.reduce((s, c) => s + c.truePositives, 0);
  const averagedClasses = perClass.flatMap((c, i) => (c.support > 0 ? [i] : []));
  const averaged = averagedClasses.map((i) => perClass[i]!);
  return {
    matrix,
    samples,
    accuracy: ratio(correct, samples),
    perClass,
    averagedClasses,
    // With support > 0 both F1 and recall are defined.
    uf1: mean(averaged.map((c) => c.f1!)),
    uar: mean(averaged.map((c) => c.recall!)),
  };
}

export function evaluatePredictions(truth: readonly number[], predicted: readonly number[], classCount: number): Evaluation {
  return evaluateMatrix(confusionMatrix(truth, predicted, classCount));
}

/** Each fold's evaluation, and the pooled one (MEGC 2019: counts summed over folds, then averaged over classes). */
export function evaluateFolds(folds: readonly FoldPredictions[], classCount: number): { folds: Evaluation[]; pooled: Evaluation } {
  const perFold = folds.map((f) => evaluatePredictions(f.truth, f.predicted, classCount));
  return { folds: perFold, pooled: evaluateMatrix(addMatrices(perFold.map((f) => f.matrix), classCount)) };
}
