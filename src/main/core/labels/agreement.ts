import type { AgreementReport, LabelEvent } from '../../../shared/api/events';
import { facsAgreement, pairAgreement, pooledAgreement, type CodedEvent } from '../../../shared/domain/agreement';
import { auNumbers, parseAus } from '../../../shared/domain/facs';
import type { Db } from '../db/connection';
import { createEventsRepository } from '../db/repositories/events';

const coded = (e: LabelEvent): CodedEvent => ({
  id: e.id,
  recordingId: e.recordingId,
  onset: e.onset,
  apex: e.apex,
  offset: e.offset,
  emotion: e.emotion.toLowerCase(),
  // Only what a coder asserted counts: alternatives ("12 or 14") and ref(...) do not.
  aus: auNumbers(parseAus(e.aus), 'common'),
});

const unmatched = (e: CodedEvent) => ({ eventId: e.id, recordingId: e.recordingId, onset: e.onset, offset: e.offset });

/** Agreement of every pair of coders over a project (or one recording). */
export function agreementReport(db: Db, query: { projectId: number; recordingId?: number | undefined; annotatorIds?: number[] | undefined }): AgreementReport {
  const repo = createEventsRepository(db);
  const scope = query.recordingId !== undefined ? { recordingId: query.recordingId } : { projectId: query.projectId };
  const all = repo.listAll(scope);
  const byCoder = new Map<number, { name: string; events: CodedEvent[] }>();
  for (const e of all) {
    if (query.annotatorIds && !query.annotatorIds.includes(e.annotatorId)) continue;
    const entry = byCoder.get(e.annotatorId) ?? { name: e.annotatorName, events: [] };
    entry.events.push(coded(e));
    byCoder.set(e.annotatorId, entry);
  }
  const coders = [...byCoder.entries()].sort(([a], [b]) => a - b);
  const pairs: AgreementReport['pairs'] = [];
  const measured = [];
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const [aId, a] = coders[i]!;
      const [bId, b] = coders[j]!;
      const result = pairAgreement(a.events, b.events);
      measured.push(result);
      pairs.push({
        a: { id: aId, name: a.name },
        b: { id: bId, name: b.name },
        matched: result.matched.map((p) => {
          const facs = facsAgreement(p.a.aus, p.b.aus);
          return {
            recordingId: p.a.recordingId,
            aEventId: p.a.id,
            bEventId: p.b.id,
            iou: p.iou,
            onsetDiff: p.a.onset - p.b.onset,
            apexDiff: p.a.apex !== null && p.b.apex !== null ? p.a.apex - p.b.apex : null,
            offsetDiff: p.a.offset - p.b.offset,
            emotionA: p.a.emotion,
            emotionB: p.b.emotion,
            facsAgreement: facs,
          };
        }),
        onlyA: result.onlyA.map(unmatched),
        onlyB: result.onlyB.map(unmatched),
        onset: result.onset,
        apex: result.apex,
        offset: result.offset,
        emotionKappa: result.emotionKappa,
        emotionAgreement: result.emotionAgreement,
        facsAgreement: result.facsAgreement,
      });
    }
  }
  return { projectId: query.projectId, recordingId: query.recordingId ?? null, pairs, overall: pooledAgreement(measured) };
}
