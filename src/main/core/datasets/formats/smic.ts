import path from 'node:path';
import type { ImportDefect } from '../../../../shared/api/datasets';
import { normaliseLabel } from '../../../../shared/domain/labels';
import { folderFrames, type DiskView, type FolderFrames } from '../disk/disk-view';
import { pad } from './common';

const emotions = new Set(['positive', 'negative', 'surprise']);
const modalities = new Map([
  ['hs', { name: 'HS', fps: 100 }],
  ['vis', { name: 'VIS', fps: 25 }],
  ['nir', { name: 'NIR', fps: 25 }],
]);
const maxDepth = 7;

/** One clip folder of SMIC, labelled by the folders above it (DATASETS.md A.3). */
export interface SmicClip {
  /** Position in the listing (1-based), standing in for a sheet row. */
  row: number;
  dir: string;
  frames: FolderFrames;
  clip: string;
  subject: string | null;
  subjectRaw: string;
  /** HS (100 fps), VIS or NIR (25 fps); null when no folder says. */
  modality: string | null;
  fps: number | null;
  emotion: string | null;
  micro: boolean;
  defects: ImportDefect[];
}

/**
 * Every clip folder below the root (`HS/s1/micro/positive/s1_po_01/…`, also without the
 * `micro` level, also given `HS` or a subject folder as the root): a folder with numbered
 * images, labelled by its nearest `positive`/`negative`/`surprise` ancestor; clips under
 * `non_micro` are listed so the report can say they were left out.
 */
export function findSmicClips(disk: DiskView, root: string): SmicClip[] {
  const clips: SmicClip[] = [];
  const rootSegments = path.resolve(root).split(path.sep).filter(Boolean);
  const walk = (dir: string, ancestors: string[], depth: number): void => {
    const entries = disk.list(dir);
    if (!entries) return;
    const frames = depth > 0 ? folderFrames(disk, dir) : null;
    if (frames) {
      clips.push(describe(dir, frames, ancestors));
      return;
    }
    if (depth >= maxDepth) return;
    const subs = entries.filter((e) => e.dir && !e.name.startsWith('.')).map((e) => e.name).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const name of subs) walk(path.join(dir, name), [...ancestors, name], depth + 1);
  };
  const describe = (dir: string, frames: FolderFrames, below: string[]): SmicClip => {
    const clip = path.basename(dir);
    const segments = [...rootSegments, ...below.slice(0, -1)].map((s) => s.toLowerCase());
    const nearest = <T>(find: (segment: string) => T | undefined): T | undefined => {
      for (let i = segments.length - 1; i >= 0; i--) {
        const found = find(segments[i]!);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    const modality = nearest((s) => modalities.get(s));
    const emotion = nearest((s) => (emotions.has(s) ? s : undefined)) ?? null;
    const subjectDigits = nearest((s) => /^s0*(\d+)$/.exec(s)?.[1]) ?? /^s0*(\d+)_/i.exec(clip)?.[1];
    const subjectRaw = nearest((s) => (/^s\d+$/.test(s) ? s : undefined)) ?? (subjectDigits === undefined ? '' : `s${subjectDigits}`);
    const defects: ImportDefect[] = [];
    const code = /_(po|ne|sur)_/i.exec(clip)?.[1];
    if (code && emotion && normaliseLabel('smic', code) !== emotion) {
      defects.push({ code: 'label-mismatch', message: `The clip name says "${code}" but the folder says ${emotion}`, action: 'The folder\'s label is used' });
    }
    if (!/^s\d+_(po|ne|sur)_\d+$/i.test(clip)) defects.push({ code: 'irregular-name', message: `The clip name "${clip}" does not follow s<n>_<po|ne|sur>_<nn>`, action: 'Used as written' });
    return {
      row: 0,
      dir,
      frames,
      clip,
      subject: subjectDigits === undefined ? null : `s${pad(subjectDigits, 2)}`,
      subjectRaw,
      modality: modality?.name ?? null,
      fps: modality?.fps ?? null,
      emotion,
      micro: !segments.some((s) => s === 'non_micro' || s === 'non-micro' || s === 'nonmicro'),
      defects,
    };
  };
  walk(path.resolve(root), [], 0);
  clips.forEach((c, i) => (c.row = i + 1));
  return clips;
}
