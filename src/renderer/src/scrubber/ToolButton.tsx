import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import type { ReactNode } from 'react';

export interface ToolButtonProps {
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  children: ReactNode;
}

/**
 * An icon button that does not take the focus on click, so the scrubber's keys (Space, arrows)
 * keep working after a click instead of pressing the button again.
 */
export function ToolButton({ label, shortcut, onClick, disabled, pressed, children }: ToolButtonProps) {
  return (
    <Tooltip title={shortcut ? `${label} (${shortcut})` : label}>
      <span>
        <IconButton
          aria-label={label}
          aria-pressed={pressed}
          onClick={onClick}
          onMouseDown={(e) => e.preventDefault()}
          disabled={disabled}
          color={pressed ? 'primary' : 'default'}
          sx={pressed ? { bgcolor: 'rgba(130,177,255,0.16)' } : undefined}
        >
          {children}
        </IconButton>
      </span>
    </Tooltip>
  );
}
