import type { Migration } from '../migrate';
import { foundation } from './0010-foundation';
import { recordingsAndEvents } from './0020-recordings-and-events';
import { labelling } from './0030-labelling';
import { datasetImports } from './0040-dataset-imports';
import { training } from './0050-training';
import { backupSettings } from './0060-backup-settings';
import { trainingDiagnostics } from './0070-training-diagnostics';
import { previewSheets } from './0080-preview-sheets';

/** Every migration, in order. Append; never edit one that has shipped. */
export const migrations: readonly Migration[] = [foundation, recordingsAndEvents, labelling, datasetImports, training, backupSettings, trainingDiagnostics, previewSheets];
