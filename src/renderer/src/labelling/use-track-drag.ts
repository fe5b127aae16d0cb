import { useState, type PointerEvent } from 'react';
import type { LabelEvent } from '../../../shared/api/events';
import { dragSpan, type Handle, type Span } from './track-math';

interface Drag {
  event: LabelEvent;
  handle: Handle;
  /** Where the pointer went down: x in pixels and the frame under it. */
  startX: number;
  startFrame: number;
  /** The track's left edge on screen when the drag began. */
  left: number;
  span: Span;
  /** False for a press that can only select (someone else's event, or the body of an unselected one). */
  canDrag: boolean;
  moved: boolean;
}

/** Pixels the pointer must travel before a press on an event becomes a drag, not a click. */
const slop = 3;

export interface TrackDrag {
  /** The span being dragged, to draw instead of the saved one. */
  spanOf: (event: LabelEvent) => Span;
  dragging: number | null;
  handlers: (event: LabelEvent, handle: Handle, editable: boolean) => {
    onPointerDown: (e: PointerEvent<HTMLElement>) => void;
    onPointerMove: (e: PointerEvent<HTMLElement>) => void;
    onPointerUp: (e: PointerEvent<HTMLElement>) => void;
    onPointerCancel: () => void;
  };
}

/**
 * Pressing an event selects it (on release, if the pointer did not travel); dragging a handle of
 * an editable event moves its onset, apex or offset, or the whole event once it is selected. The
 * change is saved on release (`onCommit`), never during the drag.
 */
export function useTrackDrag(opts: {
  frameAt: (x: number) => number;
  first: number;
  last: number;
  selectedId: number | null;
  onClick: (event: LabelEvent) => void;
  onCommit: (event: LabelEvent, span: Span) => void;
}): TrackDrag {
  const [drag, setDrag] = useState<Drag | null>(null);
  return {
    spanOf: (event) => (drag && drag.event.id === event.id ? drag.span : event),
    dragging: drag?.moved ? drag.event.id : null,
    handlers: (event, handle, editable) => ({
      onPointerDown: (e) => {
        if (e.button !== 0) return;
        e.stopPropagation();
        e.currentTarget.setPointerCapture(e.pointerId);
        const track = e.currentTarget.closest('[data-event-track]');
        const left = track?.getBoundingClientRect().left ?? 0;
        // The body of an event moves it only once it is selected; handles always resize.
        const effective: Handle | null = !editable ? null : handle === 'move' && opts.selectedId !== event.id ? null : handle;
        setDrag({
          event,
          handle: effective ?? 'move',
          startX: e.clientX,
          startFrame: opts.frameAt(e.clientX - left),
          left,
          span: { onset: event.onset, apex: event.apex, offset: event.offset },
          canDrag: effective !== null,
          moved: false,
        });
      },
      onPointerMove: (e) => {
        // Handles sit inside the bar: the event must not reach the bar's own handlers too.
        e.stopPropagation();
        if (!drag || drag.event.id !== event.id || !drag.canDrag) return;
        if (!drag.moved && Math.abs(e.clientX - drag.startX) < slop) return;
        const frame = opts.frameAt(e.clientX - drag.left);
        setDrag({ ...drag, moved: true, span: dragSpan(drag.event, drag.handle, frame, opts.first, opts.last, drag.startFrame) });
      },
      onPointerUp: (e) => {
        e.stopPropagation();
        if (!drag || drag.event.id !== event.id) return;
        setDrag(null);
        if (drag.moved) opts.onCommit(drag.event, drag.span);
        else opts.onClick(drag.event);
      },
      onPointerCancel: () => setDrag(null),
    }),
  };
}
