import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { openDataDir } from '../src/main/cli/data-access';
import { runLocalJob } from '../src/main/cli/local-job';
import { createProjectsRepository } from '../src/main/core/db/repositories/projects';

const clips = 255;
const framesPerClip = 78; // ≈ 20,000 frames, as CASME II
const emotions = ['happiness', 'disgust', 'repression', 'surprise', 'others', 'sadness', 'fear'];

/** A CASME II-shaped tree (`sub01/EP02_01f/img46.jpg`, 640x480) and its coding sheet, made once. */
function makeDataset(root: string): string {
  const sheet = path.join(root, 'CASME2-coding-bench.xlsx');
  if (existsSync(sheet)) return sheet;
  const all = path.join(root, 'all');
  mkdirSync(all, { recursive: true });
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x480:rate=200,gblur=sigma=1.5', '-frames:v', String(clips * framesPerClip), '-q:v', '3', path.join(all, '%d.jpg')]);
  const rows: (string | number)[][] = [['Subject', 'Filename', '', 'OnsetFrame', 'ApexFrame', 'OffsetFrame', '', 'Action Units', 'Estimated Emotion']];
  for (let c = 0; c < clips; c++) {
    const subject = String(1 + (c % 26)).padStart(2, '0');
    const clip = `EP${String(1 + Math.floor(c / 26)).padStart(2, '0')}_${String(c).padStart(2, '0')}`;
    const dir = path.join(root, `sub${subject}`, clip);
    mkdirSync(dir, { recursive: true });
    const first = 40 + (c % 17);
    for (let i = 0; i < framesPerClip; i++) renameSync(path.join(all, `${c * framesPerClip + i + 1}.jpg`), path.join(dir, `img${first + i}.jpg`));
    rows.push([subject, clip, '', first, first + 30, first + framesPerClip - 1, '', c % 5 === 0 ? 12 : '4+L10', emotions[c % emotions.length]!]);
  }
  rmSync(all, { recursive: true, force: true });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  writeFileSync(sheet, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return sheet;
}

/** Import of a CASME II-sized dataset and export of a 5-fold split with its frames, in frames per second. */
export async function benchDataset(): Promise<string> {
  const root = path.join(os.tmpdir(), 'mer-bench', 'casme2-sized');
  const sheet = makeDataset(root);
  const dataDir = path.join(os.tmpdir(), `mer-bench-dataset-${process.pid}`);
  const out = path.join(os.tmpdir(), `mer-bench-export-${process.pid}`);
  try {
    const session = openDataDir(dataDir);
    const projectId = createProjectsRepository(session.db).insert({ name: 'CASME II bench', labelSet: emotions, defaultFps: 200 });
    session.close(false);
    const signal = new AbortController().signal;
    let t0 = performance.now();
    await runLocalJob(dataDir, 'datasets.import', { projectId, root, sheet, format: 'casme2' }, signal);
    const importSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const exported = await runLocalJob(dataDir, 'datasets.export', { projectId, protocol: 'kfold', folds: 5, seed: 1, copyFrames: true, out }, signal);
    const exportSeconds = (performance.now() - t0) / 1000;
    const frames = clips * framesPerClip;
    const exportedFrames = (exported.result as { frames: number }).frames;
    console.log(`${clips} clips, ${frames} frames of 640x480 JPEG; import ${importSeconds.toFixed(1)} s (copies frames, makes previews); export of a 5-fold split with ${exportedFrames} frames ${exportSeconds.toFixed(1)} s`);
    console.log(`export folder: ${readdirSync(out).join(', ')}`);
    return `dataset import_fps=${(frames / importSeconds).toFixed(0)} export_fps=${(exportedFrames / exportSeconds).toFixed(0)}`;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
