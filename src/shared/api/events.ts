import { z } from 'zod';
import { Id, Name, Timestamp } from './common';

export const Annotator = z.object({ id: Id, name: z.string(), eventCount: z.number().int(), createdAt: Timestamp });
export type Annotator = z.infer<typeof Annotator>;

/** Why an event deserves a second look; computed, never stored. */
export const EventFlag = z.enum(['apex-missing', 'overlap', 'au-unparsed', 'unknown-emotion']);
export type EventFlag = z.infer<typeof EventFlag>;

export const LabelEvent = z.object({
  id: Id,
  recordingId: Id,
  projectId: Id,
  annotatorId: Id,
  annotatorName: z.string(),
  /** The event's subject: its own override, else the recording's. */
  subjectId: Id.nullable(),
  subjectCode: z.string().nullable(),
  subjectOverridden: z.boolean(),
  onset: z.number().int(),
  /** null: the apex is explicitly missing. */
  apex: z.number().int().nullable(),
  offset: z.number().int(),
  emotion: z.string(),
  objectiveClass: z.string().nullable(),
  /** The AU string as written (`4+L10`, `R14A or 17A`). */
  aus: z.string(),
  /** AU numbers the string names (for filters and agreement). */
  auNumbers: z.array(z.number().int()),
  notes: z.string(),
  /** The coder is not sure of this event. */
  uncertain: z.boolean(),
  flags: z.array(EventFlag),
  /** Which coder each field came from, for a consensus made by adjudication. */
  provenance: z.record(z.string(), z.string()).nullable(),
  /** Increases with every change; an edit names the version it was made against. */
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type LabelEvent = z.infer<typeof LabelEvent>;

const Frame = z.number().int().min(-1_000_000_000).max(1_000_000_000);

export const EventFields = z.object({
  onset: Frame,
  apex: Frame.nullable(),
  offset: Frame,
  emotion: z.string().trim().min(1, 'must not be empty').max(60),
  objectiveClass: z.string().trim().max(60).nullable().optional(),
  aus: z.string().max(500).optional(),
  notes: z.string().max(10000).optional(),
  uncertain: z.boolean().optional(),
  /** null: use the recording's subject. */
  subjectId: Id.nullable().optional(),
});

export const CreateEvent = EventFields.extend({ recordingId: Id, annotatorId: Id }).strict();
export const UpdateEvent = EventFields.partial()
  .extend({ id: Id, annotatorId: Id, version: z.number().int().positive() })
  .strict();
export const DeleteEvent = z.object({ id: Id, annotatorId: Id, version: z.number().int().positive() }).strict();

export const ListEvents = z
  .object({
    projectId: Id.optional(),
    recordingId: Id.optional(),
    subjectId: Id.optional(),
    emotion: z.string().max(60).optional(),
    au: z.number().int().min(0).max(100).optional(),
    annotatorId: Id.optional(),
    status: z.enum(['flagged', 'unflagged', 'uncertain']).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((q) => q.projectId !== undefined || q.recordingId !== undefined, 'give a projectId or a recordingId');

export const EventPage = z.object({ events: z.array(LabelEvent), total: z.number().int() });

export const EventChange = z.object({
  id: Id,
  eventId: Id,
  annotatorId: Id,
  annotatorName: z.string(),
  action: z.enum(['create', 'update', 'delete', 'undo', 'redo']),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: Timestamp,
});
export type EventChange = z.infer<typeof EventChange>;

export const UndoRedo = z.object({ annotatorId: Id, projectId: Id }).strict();
export const UndoResult = z.object({
  /** The change undone or redone; null when there was nothing to undo or redo. */
  change: EventChange.nullable(),
  event: LabelEvent.nullable(),
});

export const CreateAnnotator = z.object({ name: Name(80) }).strict();

/** Builds a consensus event from two codings; each field names the coding it comes from. */
export const AdjudicateEvents = z
  .object({
    aId: Id,
    bId: Id,
    /** The adjudicator, recorded in the audit trail. */
    annotatorId: Id,
    pick: z
      .object({
        onset: z.enum(['a', 'b']),
        apex: z.enum(['a', 'b']),
        offset: z.enum(['a', 'b']),
        emotion: z.enum(['a', 'b']),
        aus: z.enum(['a', 'b']),
      })
      .strict(),
  })
  .strict();

const Spread = z.object({ mean: z.number(), max: z.number(), n: z.number().int() }).nullable();
const CoderRef = z.object({ id: Id, name: z.string() });

export const AgreementPair = z.object({
  a: CoderRef,
  b: CoderRef,
  matched: z.array(
    z.object({
      recordingId: Id,
      aEventId: Id,
      bEventId: Id,
      iou: z.number(),
      onsetDiff: z.number().int(),
      apexDiff: z.number().int().nullable(),
      offsetDiff: z.number().int(),
      emotionA: z.string(),
      emotionB: z.string(),
      facsAgreement: z.number().nullable(),
    }),
  ),
  onlyA: z.array(z.object({ eventId: Id, recordingId: Id, onset: z.number().int(), offset: z.number().int() })),
  onlyB: z.array(z.object({ eventId: Id, recordingId: Id, onset: z.number().int(), offset: z.number().int() })),
  onset: Spread,
  apex: Spread,
  offset: Spread,
  emotionKappa: z.number().nullable(),
  emotionAgreement: z.number().nullable(),
  facsAgreement: z.number().nullable(),
});

export const AgreementReport = z.object({
  projectId: Id,
  recordingId: Id.nullable(),
  pairs: z.array(AgreementPair),
  overall: z.object({ eventsMatched: z.number().int(), emotionKappa: z.number().nullable(), facsAgreement: z.number().nullable() }),
});
export type AgreementReport = z.infer<typeof AgreementReport>;

export const AgreementQuery = z
  .object({ projectId: Id, recordingId: Id.optional(), annotatorIds: z.array(Id).min(2).max(20).optional() })
  .strict();
