import { useState } from 'react';
import { MIN_FACE_BOX_SIDE, type FaceBox, type Recording } from '../../../shared/api/recordings';
import { boxBetween, type Point } from '../../../shared/domain/face-box';
import type { ApiError } from '../../../shared/api/errors';
import { useCallMutation } from '../api/use-call-mutation';

export interface FaceBoxTool {
  /** The box tool is on: dragging on the frame draws instead of panning. */
  active: boolean;
  setActive: (on: boolean) => void;
  /** The box being drawn or drawn and not saved yet. */
  draft: FaceBox | null;
  /** Where the draft came from. */
  draftFrom: 'drawing' | 'detector';
  dragging: boolean;
  begin: (p: Point) => void;
  move: (p: Point) => void;
  end: () => void;
  discard: () => void;
  /** Offers a box found by the face detector as the draft, to save or discard like a drawn one. */
  propose: (box: FaceBox) => void;
  save: () => void;
  clear: () => void;
  pending: boolean;
  error: ApiError | null;
  /** Why the last drag did not make a box. */
  hint: string | null;
}

/** Draws the face box on the frame (in frame pixels) and stores it with `recordings.setFaceBox`. */
export function useFaceBox(recording: Recording, onSaved: (recording: Recording) => void): FaceBoxTool {
  const [active, setActive] = useState(false);
  const [start, setStart] = useState<Point | null>(null);
  const [draft, setDraft] = useState<FaceBox | null>(null);
  const [draftFrom, setDraftFrom] = useState<'drawing' | 'detector'>('drawing');
  const [hint, setHint] = useState<string | null>(null);
  const mutation = useCallMutation('recordings.setFaceBox');
  const { width, height } = recording;

  const store = async (faceBox: FaceBox | null) => {
    const outcome = await mutation.run({ id: recording.id, faceBox });
    if (!outcome.ok) return;
    setDraft(null);
    setActive(false);
    onSaved(outcome.value);
  };

  return {
    active,
    setActive: (on) => {
      setActive(on);
      setHint(null);
      if (!on) setDraft(null);
    },
    draft,
    draftFrom,
    dragging: start !== null,
    begin: (p) => {
      setStart(p);
      setDraftFrom('drawing');
      setHint(null);
      setDraft(boxBetween(p, p, width, height));
    },
    move: (p) => {
      if (start) setDraft(boxBetween(start, p, width, height));
    },
    end: () => {
      setStart(null);
      if (draft && (draft.width < MIN_FACE_BOX_SIDE || draft.height < MIN_FACE_BOX_SIDE)) {
        setDraft(null);
        setHint(`Drag a box at least ${MIN_FACE_BOX_SIDE}×${MIN_FACE_BOX_SIDE} frame pixels`);
      }
    },
    discard: () => {
      setDraft(null);
      setStart(null);
    },
    propose: (box) => {
      setStart(null);
      setDraftFrom('detector');
      setHint(null);
      setDraft(box);
    },
    save: () => {
      if (draft) void store(draft);
    },
    clear: () => void store(null),
    pending: mutation.pending,
    error: mutation.error,
    hint,
  };
}
