import type { JobParams } from '../../../shared/api/jobs';
import type { Protocol } from '../../../shared/domain/splits';
import { joinPath } from '../import/import-paths';

export type ExportParams = JobParams<'datasets.export'>;

export interface ProtocolInfo {
  label: string;
  description: string;
  folds: boolean;
  holdout: boolean;
}

export const protocolInfo: Record<Protocol, ProtocolInfo> = {
  kfold: { label: 'Subject-independent k-fold', description: 'Subjects are dealt into k folds that keep the class balance; no subject is on both sides. The paper’s protocol (5 folds).', folds: true, holdout: false },
  loso: { label: 'Leave one subject out (LOSO)', description: 'One fold per subject: each subject is the test set once.', folds: false, holdout: false },
  megc: { label: 'MEGC 2019 composite', description: 'Leave one subject out over three classes (negative, positive, surprise); uses the project’s MEGC mapping unless you choose one.', folds: false, holdout: false },
  lodo: { label: 'Leave one dataset out', description: 'One fold per dataset the events were imported from; needs events from at least two.', folds: false, holdout: false },
  holdout: { label: 'Train / validation / test by subjects', description: 'One split with the given share of subjects on each side.', folds: false, holdout: true },
  'kfold-subject-dependent': { label: 'Subject-dependent k-fold', description: 'Samples, not subjects, are dealt into folds: one subject’s samples appear in training and test.', folds: true, holdout: false },
};

export const protocolIds = Object.keys(protocolInfo) as Protocol[];

export interface ExportForm {
  protocol: Protocol;
  foldsText: string;
  seedText: string;
  /** Train, validation and test shares of subjects, as typed. */
  holdoutText: [string, string, string];
  /** A key from mappings.list; '' for the project's labels as they are. */
  mappingKey: string;
  /** Only these coders' events; empty for everyone's. */
  annotatorIds: number[];
  excludeFlagged: boolean;
  copyFrames: boolean;
  /** With copied frames: cut them to each recording's face box. */
  frameCrop: boolean;
  /** With copied frames: S for S x S pixels, as typed; empty keeps their size. */
  frameSizeText: string;
  /** The folder the export folder is made in (on the backend machine). */
  parentDir: string | null;
  /** null: the suggested name. */
  folderName: string | null;
  /** The user has read what a subject-dependent split means and wants one anyway. */
  subjectDependentConfirmed: boolean;
}

export const initialForm: ExportForm = {
  protocol: 'kfold',
  foldsText: '5',
  seedText: '1',
  holdoutText: ['0.7', '0.15', '0.15'],
  mappingKey: '',
  annotatorIds: [],
  excludeFlagged: false,
  copyFrames: false,
  frameCrop: false,
  frameSizeText: '',
  parentDir: null,
  folderName: null,
  subjectDependentConfirmed: false,
};

/** A folder name that says what is inside: `demo-kfold5-seed1`. */
export function suggestedFolderName(projectName: string, form: Pick<ExportForm, 'protocol' | 'foldsText' | 'seedText'>): string {
  const slug = projectName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'export';
  const folds = protocolInfo[form.protocol].folds ? form.foldsText.trim() : '';
  return `${slug}-${form.protocol}${folds}-seed${form.seedText.trim() || '1'}`;
}

/** An integer as typed; empty means "the default"; anything else is a problem to show. */
function integer(text: string): number | undefined | 'invalid' {
  if (text.trim() === '') return undefined;
  return /^-?\d+$/.test(text.trim()) ? Number(text) : 'invalid';
}

function share(text: string): number | 'invalid' {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : 'invalid';
}

export type FormProblems = Partial<Record<'folds' | 'seed' | 'holdout' | 'out' | 'protocol' | 'frameSize', string>>;

/**
 * The job's parameters from the form, or what is wrong with what was typed. Ranges (folds 2–50,
 * shares adding up to 1, frame size 16–2048) are the server's to check: its message shows next
 * to the field. Crop and size are sent only with copied frames, whatever the hidden fields hold.
 */
export function exportParams(projectId: number, projectName: string, form: ExportForm): { params: ExportParams; problems: null } | { params: null; problems: FormProblems } {
  const info = protocolInfo[form.protocol];
  const problems: FormProblems = {};
  const folds = info.folds ? integer(form.foldsText) : undefined;
  const seed = integer(form.seedText);
  const shares = info.holdout ? form.holdoutText.map(share) : null;
  const frameSize = form.copyFrames ? integer(form.frameSizeText) : undefined;
  if (folds === 'invalid') problems.folds = 'must be a whole number';
  if (seed === 'invalid') problems.seed = 'must be a whole number';
  if (shares?.includes('invalid')) problems.holdout = 'each share must be a number, e.g. 0.15';
  if (frameSize === 'invalid') problems.frameSize = 'must be a whole number of pixels, e.g. 224';
  if (form.parentDir === null) problems.out = 'choose the folder the export goes in';
  const name = (form.folderName ?? suggestedFolderName(projectName, form)).trim();
  if (name === '') problems.out = 'give the export folder a name';
  else if (/[/\\]/.test(name) || name === '.' || name === '..') problems.out = 'a folder name, not a path';
  if (form.protocol === 'kfold-subject-dependent' && !form.subjectDependentConfirmed) problems.protocol = 'confirm that you want a subject-dependent split';
  // The first three are among the problems already; naming them again narrows their types.
  if (folds === 'invalid' || seed === 'invalid' || frameSize === 'invalid' || form.parentDir === null || Object.keys(problems).length > 0) return { params: null, problems };
  return {
    params: {
      projectId,
      protocol: form.protocol,
      ...(folds === undefined ? {} : { folds }),
      ...(seed === undefined ? {} : { seed }),
      ...(shares ? { holdout: shares as [number, number, number] } : {}),
      ...(form.mappingKey === '' ? {} : { mapping: form.mappingKey }),
      ...(form.annotatorIds.length > 0 ? { annotatorIds: form.annotatorIds } : {}),
      ...(form.excludeFlagged ? { excludeFlagged: true } : {}),
      ...(form.copyFrames ? { copyFrames: true } : {}),
      ...(form.copyFrames && form.frameCrop ? { frameCrop: true } : {}),
      ...(frameSize === undefined ? {} : { frameSize }),
      out: joinPath(form.parentDir, name),
    },
    problems: null,
  };
}

const megcClasses = ['negative', 'positive', 'surprise'];

/**
 * Whether the export will hold the MEGC ground-truth file: the backend writes it for a
 * subject-independent split whose classes are all MEGC's (after the mapping, if one is chosen).
 */
export function writesMegcFile(protocol: Protocol, classes: readonly string[]): boolean {
  if (protocol === 'kfold-subject-dependent') return false;
  return protocol === 'megc' || (classes.length > 0 && classes.every((c) => megcClasses.includes(c)));
}

/** Dropped events grouped by reason, the largest group first. */
export function droppedByReason(dropped: readonly { eventId: number; reason: string }[]): { reason: string; eventIds: number[] }[] {
  const groups = new Map<string, number[]>();
  for (const d of dropped) groups.set(d.reason, [...(groups.get(d.reason) ?? []), d.eventId]);
  return [...groups.entries()].map(([reason, eventIds]) => ({ reason, eventIds })).sort((a, b) => b.eventIds.length - a.eventIds.length || a.reason.localeCompare(b.reason));
}
