import type { ShortcutGroup } from '../scrubber/shortcuts';
import type { MarkBindings } from './key-bindings';

/** The labelling keys for the shortcut sheet, with the marking keys as configured. */
export function labellingShortcuts(b: MarkBindings, labelSet: readonly string[]): ShortcutGroup[] {
  const key = (k: string) => k.toUpperCase();
  const emotions = labelSet.slice(0, 9).map((label, i) => `${i + 1} ${label}`).join(', ');
  return [
    {
      title: 'Mark events',
      keys: [
        { keys: [key(b.onset)], action: 'Onset at the frame on screen (also the loop’s in-point)' },
        { keys: [key(b.apex)], action: 'Apex at the frame on screen' },
        { keys: [`Shift + ${key(b.apex)}`], action: 'Apex explicitly missing' },
        { keys: [key(b.offset)], action: 'Offset at the frame on screen (also the loop’s out-point)' },
        { keys: ['1–9'], action: `Emotion of the event marked or edited: ${emotions}` },
        { keys: ['U'], action: 'Add AUs (type a number or name, Enter; Esc or an empty Enter returns)' },
        { keys: ['Enter'], action: 'Save the new event, or the changes to the selected one' },
        { keys: ['Esc'], action: 'Discard the new event' },
      ],
    },
    {
      title: 'Events',
      keys: [
        { keys: ['N', 'P'], action: 'Select the next / previous event (jump to its onset, loop it)' },
        { keys: ['C'], action: 'Compare: show every coder’s events' },
        { keys: ['Delete'], action: 'Delete the selected event (yours)' },
        { keys: ['Ctrl + Z'], action: 'Undo your last change in this project' },
        { keys: ['Ctrl + Shift + Z'], action: 'Redo (also Ctrl + Y)' },
        { keys: ['Drag'], action: 'A handle of the selected event moves its onset, apex or offset; its body moves it all' },
      ],
    },
  ];
}
