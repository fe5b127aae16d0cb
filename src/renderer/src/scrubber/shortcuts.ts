export interface ShortcutGroup {
  title: string;
  keys: { keys: string[]; action: string }[];
}

/** Every key of the scrubber, for the shortcut sheet and tooltips (the handler is use-scrubber-keys.ts). */
export const shortcutGroups: ShortcutGroup[] = [
  {
    title: 'Move',
    keys: [
      { keys: ['→', '.'], action: 'Next frame' },
      { keys: ['←', ','], action: 'Previous frame' },
      { keys: ['Shift + →'], action: '10 frames forward' },
      { keys: ['Shift + ←'], action: '10 frames back' },
      { keys: ['Home'], action: 'First frame' },
      { keys: ['End'], action: 'Last frame' },
      { keys: ['G'], action: 'Go to frame… (type a number, Enter)' },
    ],
  },
  {
    title: 'Play',
    keys: [
      { keys: ['Space'], action: 'Play / pause' },
      { keys: ['L'], action: 'Play forward; again: faster (up to native speed)' },
      { keys: ['J'], action: 'Play backward; again: faster' },
      { keys: ['K'], action: 'Pause' },
      { keys: ['[', ']'], action: 'Slower / faster (1/16× … 1×)' },
      { keys: ['I', 'O'], action: 'Set loop in / out at the frame on screen (with the default marking keys they also mark onset / offset)' },
      { keys: ['R'], action: 'Loop the in–out range on / off' },
      { keys: ['X'], action: 'Clear in and out' },
    ],
  },
  {
    title: 'View',
    keys: [
      { keys: ['D'], action: 'Difference view on / off' },
      { keys: ['+', '−'], action: 'Zoom in / out (or the mouse wheel on the frame)' },
      { keys: ['0'], action: 'Fit the frame' },
      { keys: ['1'], action: 'One frame pixel per screen pixel (while an event is marked or edited, 1–9 choose its emotion)' },
      { keys: ['Drag'], action: 'Pan the zoomed frame' },
    ],
  },
  {
    title: 'Face box',
    keys: [
      { keys: ['B'], action: 'Draw the face box (drag on the frame)' },
      { keys: ['Enter'], action: 'Save the drawn box' },
      { keys: ['Esc'], action: 'Discard the drawn box' },
    ],
  },
  { title: 'Help', keys: [{ keys: ['?'], action: 'This sheet' }] },
];
