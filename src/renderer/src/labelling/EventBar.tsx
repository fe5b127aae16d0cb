import Box from '@mui/material/Box';
import type { LabelEvent } from '../../../shared/api/events';
import type { Span } from './track-math';
import type { TrackDrag } from './use-track-drag';

export interface EventBarProps {
  event: LabelEvent;
  span: Span;
  colour: string;
  top: number;
  height: number;
  xOf: (n: number) => number;
  selected: boolean;
  editable: boolean;
  drag: TrackDrag;
}

const overlapStripes = 'repeating-linear-gradient(135deg, rgba(255, 82, 82, 0.55) 0 3px, transparent 3px 7px)';

/** One saved event on its track: onset..offset, an apex tick, handles when it may be edited. */
export function EventBar({ event, span, colour, top, height, xOf, selected, editable, drag }: EventBarProps) {
  const left = xOf(span.onset);
  const width = Math.max(3, xOf(span.offset + 1) - left);
  const overlap = event.flags.includes('overlap');
  const label = `${event.emotion}${event.aus ? ` · ${event.aus}` : ''}`;
  const title = [
    `Event ${event.id} by ${event.annotatorName}: ${event.emotion}, frames ${span.onset}–${span.offset}, apex ${span.apex ?? 'missing'}`,
    event.aus ? `AUs ${event.aus}` : 'no AUs',
    ...(overlap ? ['Overlaps another event of this coder'] : []),
    ...(event.uncertain ? ['Marked uncertain'] : []),
  ].join('\n');
  const handle = (kind: 'onset' | 'offset') => (
    <Box
      data-testid={`handle-${kind}`}
      {...drag.handlers(event, kind, true)}
      sx={{ position: 'absolute', top: -1, bottom: -1, width: 7, [kind === 'onset' ? 'left' : 'right']: -3, cursor: 'ew-resize', zIndex: 2, '&:hover': { bgcolor: 'rgba(255,255,255,0.35)' } }}
    />
  );
  return (
    <Box
      role="button"
      aria-label={`Event ${event.id}: ${event.emotion}, ${span.onset}–${span.offset}, ${event.annotatorName}`}
      aria-pressed={selected}
      title={title}
      data-testid="event-bar"
      data-event-id={event.id}
      data-flags={event.flags.join(' ')}
      {...drag.handlers(event, 'move', editable)}
      sx={{
        position: 'absolute',
        boxSizing: 'border-box',
        borderRadius: '3px',
        border: `1px solid ${overlap ? '#ff5252' : colour}`,
        outline: selected ? '2px solid #fff' : 'none',
        outlineOffset: 1,
        bgcolor: `${colour}${selected ? '88' : '4d'}`,
        backgroundImage: overlap ? overlapStripes : 'none',
        cursor: editable && selected ? 'grab' : 'pointer',
        overflow: 'visible',
        zIndex: selected ? 3 : 1,
        touchAction: 'none',
      }}
      style={{ left, width, top, height }}
    >
      <Box
        component="span"
        sx={{ position: 'absolute', inset: 0, px: 0.5, fontSize: 10.5, lineHeight: `${height - 2}px`, color: '#fff', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', pointerEvents: 'none', textShadow: '0 1px 1px rgba(0,0,0,0.6)' }}
      >
        {overlap ? '⚠ ' : ''}
        {width > 28 ? label : ''}
      </Box>
      {span.apex !== null ? (
        <Box
          data-testid="apex-tick"
          {...drag.handlers(event, 'apex', editable)}
          sx={{ position: 'absolute', top: -3, bottom: -3, width: 7, cursor: editable ? 'col-resize' : 'pointer', zIndex: 2, display: 'flex', justifyContent: 'center' }}
          style={{ left: xOf(span.apex + 0.5) - left - 3.5 }}
        >
          <Box sx={{ width: 2, height: '100%', bgcolor: '#fff', boxShadow: '0 0 2px rgba(0,0,0,0.8)' }} />
        </Box>
      ) : (
        <Box
          component="span"
          title="Apex marked missing"
          sx={{ position: 'absolute', right: 2, top: 0, fontSize: 10, lineHeight: `${height - 2}px`, color: '#ffd54f', pointerEvents: 'none' }}
        >
          ∅
        </Box>
      )}
      {editable && selected && handle('onset')}
      {editable && selected && handle('offset')}
    </Box>
  );
}
