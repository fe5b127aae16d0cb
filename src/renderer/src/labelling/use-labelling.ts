import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { LabelEvent } from '../../../shared/api/events';
import type { Recording } from '../../../shared/api/recordings';
import { useApi } from '../app/api-context';
import { useAnnotatorSession } from '../annotators/annotator-context';
import type { StoredAnnotator } from '../annotators/annotator-storage';
import type { Scrubber } from '../scrubber/use-scrubber';
import { applyMark, changedFields, createFields, emptyValues, missingMarks, rebase, valuesOf, type EventValues } from './event-values';
import type { MarkCommand } from './key-bindings';
import { actionOf, labellingCommandFor } from './labelling-keys';
import { neighbourEvent, spanChanges, type Span } from './track-math';
import { useEventForm } from './use-event-form';
import { useEventOverlay } from './use-event-overlay';
import { useEventWrites } from './use-event-writes';
import { useMarkBindings } from './use-mark-bindings';
import { useRecordingEvents } from './use-recording-events';
import { useUndoRedo } from './use-undo-redo';

/** The tabs of the labelling side panel. */
export type PanelId = 'event' | 'events' | 'history';

/**
 * The labelling workspace of one recording: its events, the draft being marked, the selected
 * event and its editor, drags on the timeline, undo/redo, and the coder who saves.
 */
export function useLabelling(recording: Recording, labelSet: readonly string[], scrubber: Scrubber, targetEventId: number | null) {
  const client = useApi();
  const session = useAnnotatorSession();
  const annotator = session.annotator;
  const [bindings, setBindings] = useMarkBindings();
  const list = useRecordingEvents(recording, annotator?.id ?? null);
  const overlay = useEventOverlay();
  const { remember, forget } = overlay;
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [draft, setDraft] = useState<EventValues | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [unlocked, setUnlocked] = useState<number | null>(null);
  const auInputRef = useRef<HTMLInputElement>(null);
  const [panel, setPanel] = useState<PanelId>('event');

  const events = list.events.map(overlay.newest);
  const selected = selectedId === null ? null : (events.find((e) => e.id === selectedId) ?? overlay.get(selectedId) ?? null);
  const form = useEventForm(selected);
  const writes = useEventWrites(remember);
  const canEdit = (e: LabelEvent | null) => e !== null && annotator !== null && (e.annotatorId === annotator.id || unlocked === e.id);

  const select = (e: LabelEvent, jump = true) => {
    if (!list.events.some((x) => x.id === e.id)) remember(e);
    setDraft(null);
    setHint(null);
    setSelectedId(e.id);
    writes.clear();
    if (jump) scrubber.playRange(e.onset, e.offset);
  };
  const deselect = () => {
    setSelectedId(null);
    writes.clear();
  };

  const undo = useUndoRedo(annotator?.id ?? null, recording.projectId, (event, eventId) => {
    form.reset();
    if (event === null) {
      forget(eventId);
      if (selectedId === eventId) setSelectedId(null);
    } else {
      remember(event);
      if (event.recordingId === recording.id) select(event, false);
    }
  });

  const saveDraftAs = async (who: StoredAnnotator) => {
    if (!draft) return;
    const fields = createFields(draft);
    if (!fields) {
      setHint(`Still to mark: ${missingMarks(draft, bindings).join(', ')}`);
      return;
    }
    const created = await writes.create({ recordingId: recording.id, annotatorId: who.id, ...fields });
    if (!created) return;
    setDraft(null);
    setHint(null);
    setSelectedId(created.id);
  };

  const saveDraft = () => {
    if (annotator) void saveDraftAs(annotator);
    else session.openChooser((who) => void saveDraftAs(who));
  };

  const saveSelected = async () => {
    if (!selected || !annotator || !form.values || !form.base || form.version === null) return;
    const changes = changedFields(form.values, form.base);
    if (Object.keys(changes).length === 0) return;
    const updated = await writes.update({ id: selected.id, version: form.version }, annotator.id, changes, { mine: form.values, base: form.base });
    if (updated) form.reset();
  };

  const applySpan = async (event: LabelEvent, span: Span) => {
    if (!annotator) return;
    const changes = spanChanges(event, span);
    if (Object.keys(changes).length === 0) return;
    overlay.startMove(event.id, span);
    const base = valuesOf(event);
    await writes.update(event, annotator.id, changes, { mine: { ...base, ...span }, base });
    overlay.endMove(event.id);
  };

  const conflict = writes.conflict;
  const resolve = {
    loadCurrent: () => {
      if (conflict?.current) form.reset(conflict.current);
      else if (conflict) deselect();
      writes.clear();
    },
    reapply: async () => {
      if (!conflict?.current || !annotator) return;
      const current = conflict.current;
      if (conflict.refused.kind === 'delete') {
        if (await writes.remove(current, annotator.id)) deselect();
        return;
      }
      const next = rebase(valuesOf(current), conflict.refused.mine, conflict.refused.base);
      const updated = await writes.update(current, annotator.id, changedFields(next, valuesOf(current)), { mine: next, base: valuesOf(current) });
      if (updated) form.reset();
    },
  };

  const onTarget = useEffectEvent((id: number) => {
    client.call('events.get', { id }).then(
      (event) => {
        if (event.recordingId !== recording.id) return;
        if (annotator && event.annotatorId !== annotator.id) list.setCompare(true);
        remember(event);
        select(event);
      },
      (error: unknown) => setHint(`Event ${id} could not be opened: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  useEffect(() => {
    if (targetEventId !== null) onTarget(targetEventId);
  }, [targetEventId]);

  const editingSelected = draft === null && canEdit(selected);
  const mark = (kind: MarkCommand) => {
    const frame = scrubber.frameNow;
    if (kind === 'onset') scrubber.setIn();
    if (kind === 'offset') scrubber.setOut();
    setSelectedId(null);
    setHint(null);
    writes.clear();
    setDraft((d) => applyMark(d ?? emptyValues, kind, frame));
    setPanel('event');
  };
  const chooseEmotion = (index: number) => {
    const emotion = labelSet[index];
    if (emotion === undefined) return;
    if (draft) setDraft({ ...draft, emotion });
    else if (editingSelected) form.change({ emotion });
  };
  const step = (direction: 1 | -1) => {
    const next = neighbourEvent(events, selectedId, scrubber.frameNow, direction);
    if (next) select(next);
  };
  const deleteSelected = () => {
    if (!selected || !annotator) return;
    const id = selected.id;
    void writes.remove(selected, annotator.id).then((ok) => {
      if (!ok) return;
      deselect();
      undo.say(`Deleted event ${id}; Ctrl+Z brings it back`);
    });
  };
  const focusAus = () => {
    if (draft === null && !editingSelected) {
      setHint('Mark an event (or select one of yours) to add AUs');
      return;
    }
    setPanel('event');
    // The editor may only now be shown: focus once it is.
    requestAnimationFrame(() => auInputRef.current?.focus());
  };
  return {
    annotator,
    session,
    bindings,
    setBindings,
    list,
    events,
    selected,
    draft,
    hint,
    form,
    writes,
    undo,
    conflict: conflict && selected && conflict.eventId === selected.id ? conflict : null,
    resolve,
    auInputRef,
    panel,
    setPanel,
    canEdit,
    editingSelected,
    /** A draft or an editable selection takes the number keys and the AU editor. */
    editing: draft !== null || editingSelected,
    unlock: (id: number) => setUnlocked(id),
    select,
    deselect,
    mark,
    changeDraft: (patch: Partial<EventValues>) => setDraft((d) => (d ? { ...d, ...patch } : d)),
    discardDraft: () => {
      setDraft(null);
      setHint(null);
      writes.clear();
    },
    chooseEmotion,
    /** Enter: save the draft, or the selected event's edits. */
    commit: () => {
      if (draft) saveDraft();
      else if (editingSelected && form.dirty) void saveSelected();
    },
    saveDraft,
    saveSelected: () => void saveSelected(),
    applySpan: (event: LabelEvent, span: Span) => void applySpan(event, span),
    deleteSelected,
    step,
    focusAus,
    /** The labelling action of a key press on the workspace, or null for the scrubber's keys. */
    keyAction: (event: KeyboardEvent): (() => void) | null => {
      const command = labellingCommandFor(event, { bindings, labelCount: labelSet.length, editing: draft !== null || editingSelected, selectedOwn: editingSelected });
      return command
        ? actionOf(command, {
            mark,
            chooseEmotion,
            history: undo.run,
            focusAus,
            toggleCompare: () => {
              if (annotator) list.setCompare(!list.compare);
            },
            step,
            remove: deleteSelected,
          })
        : null;
    },
  };
}

export type Labelling = ReturnType<typeof useLabelling>;
