import { useState } from 'react';
import type { FaceBox, Recording } from '../../../shared/api/recordings';
import type { ApiError } from '../../../shared/api/errors';
import { useCallMutation } from '../api/use-call-mutation';

type Point = { x: number; y: number };

/** The box spanned by two frame points, in whole pixels, inside the frame. */
export function boxBetween(a: Point, b: Point, width: number, height: number): FaceBox {
  const clampX = (v: number) => Math.min(width, Math.max(0, v));
  const clampY = (v: number) => Math.min(height, Math.max(0, v));
  const x0 = Math.floor(clampX(Math.min(a.x, b.x)));
  const y0 = Math.floor(clampY(Math.min(a.y, b.y)));
  const x1 = Math.ceil(clampX(Math.max(a.x, b.x)));
  const y1 = Math.ceil(clampY(Math.max(a.y, b.y)));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export const minBoxSide = 8;

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
      if (draft && (draft.width < minBoxSide || draft.height < minBoxSide)) {
        setDraft(null);
        setHint(`Drag a box at least ${minBoxSide}×${minBoxSide} frame pixels`);
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
