import type { AgreementReport } from '../../shared/api/events';
import { createProjectsRepository } from '../core/db/repositories/projects';
import { agreementReport } from '../core/labels/agreement';
import type { Session } from './data-access';

const fixed = (n: number | null | undefined, digits = 3): string => (n === null || n === undefined ? 'n/a' : n.toFixed(digits));
const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 10000) / 10000);

function printReport(report: AgreementReport, write: (line: string) => void): void {
  if (report.pairs.length === 0) write('Fewer than two coders have events here: nothing to compare.');
  for (const p of report.pairs) {
    write(`${p.a.name} vs ${p.b.name}: ${p.matched.length} events matched, ${p.onlyA.length} only by ${p.a.name}, ${p.onlyB.length} only by ${p.b.name}`);
    write(`  frame differences (mean / max): onset ${fixed(p.onset?.mean, 2)} / ${p.onset?.max ?? 'n/a'}, apex ${fixed(p.apex?.mean, 2)} / ${p.apex?.max ?? 'n/a'}, offset ${fixed(p.offset?.mean, 2)} / ${p.offset?.max ?? 'n/a'}`);
    write(`  emotion: kappa ${fixed(p.emotionKappa)}, agreement ${fixed(p.emotionAgreement)}; FACS agreement ratio ${fixed(p.facsAgreement)}`);
  }
}

/** The agreement report of a project by name, printed, with the pooled figures returned. */
export function agreementCommand(session: Session, projectName: string, annotators: string[] | undefined, write: (line: string) => void): object {
  const project = createProjectsRepository(session.db).findByName(projectName);
  if (!project) throw new Error(`There is no project named "${projectName}"`);
  let annotatorIds: number[] | undefined;
  if (annotators) {
    annotatorIds = annotators.map((name) => {
      const row = session.db.prepare<[string], { id: number }>('SELECT id FROM annotators WHERE name = ? COLLATE NOCASE').get(name);
      if (!row) throw new Error(`There is no annotator named "${name}"`);
      return row.id;
    });
  }
  const report = agreementReport(session.db, { projectId: project.id, annotatorIds });
  printReport(report, write);
  return { events_matched: report.overall.eventsMatched, emotion_kappa: round(report.overall.emotionKappa), facs_agreement: round(report.overall.facsAgreement) };
}
