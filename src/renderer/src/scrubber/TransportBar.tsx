import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Ref } from 'react';
import {
  BackTenIcon,
  FirstFrameIcon,
  FitIcon,
  ForwardTenIcon,
  KeyboardIcon,
  LastFrameIcon,
  LoopIcon,
  NextIcon,
  PauseIcon,
  PlayIcon,
  PrevIcon,
  ZoomInIcon,
  ZoomOutIcon,
} from '../common/icons';
import { formatRate, playbackRates } from './frame-math';
import { JumpField } from './JumpField';
import { ToolButton } from './ToolButton';
import type { Scrubber } from './use-scrubber';
import { quickMenu, releaseFocusSoon } from './use-scrubber-keys';
import type { Viewport } from './use-viewport';

export interface TransportBarProps {
  scrubber: Scrubber;
  viewport: Viewport;
  jumpRef: Ref<HTMLInputElement>;
  onHelp: () => void;
}

/** Stepping, playback, speed, loop and zoom controls, each with its key in the tooltip. */
export function TransportBar({ scrubber, viewport, jumpRef, onHelp }: TransportBarProps) {
  const { playback, recording, loop } = scrubber;
  const { firstFrame: first, lastFrame: last } = recording;
  const playing = playback.playing;
  return (
    <Stack
      direction="row"
      spacing={0.25}
      sx={{ alignItems: 'center', px: 1.5, py: 0.75, bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider', flexWrap: 'wrap', rowGap: 0.5 }}
      aria-label="Playback"
      role="toolbar"
    >
      <ToolButton label="First frame" shortcut="Home" onClick={() => scrubber.seek(first)}>
        <FirstFrameIcon fontSize="small" />
      </ToolButton>
      <ToolButton label="10 frames back" shortcut="Shift+←" onClick={() => scrubber.step(-10)}>
        <BackTenIcon fontSize="small" />
      </ToolButton>
      <ToolButton label="Previous frame" shortcut="←" onClick={() => scrubber.step(-1)}>
        <PrevIcon fontSize="small" />
      </ToolButton>
      <ToolButton label={playing ? 'Pause' : 'Play'} shortcut="Space" onClick={playback.toggle} pressed={playing !== null}>
        {playing ? <PauseIcon /> : <PlayIcon />}
      </ToolButton>
      <ToolButton label="Next frame" shortcut="→" onClick={() => scrubber.step(1)}>
        <NextIcon fontSize="small" />
      </ToolButton>
      <ToolButton label="10 frames forward" shortcut="Shift+→" onClick={() => scrubber.step(10)}>
        <ForwardTenIcon fontSize="small" />
      </ToolButton>
      <ToolButton label="Last frame" shortcut="End" onClick={() => scrubber.seek(last)}>
        <LastFrameIcon fontSize="small" />
      </ToolButton>
      <Divider orientation="vertical" flexItem sx={{ mx: 1 }} />
      <TextField
        select
        label="Speed"
        value={playback.rateIndex}
        onChange={(e) => {
          playback.setRateIndex(Number(e.target.value));
          releaseFocusSoon();
        }}
        sx={{ width: 140 }}
        slotProps={{ select: { MenuProps: quickMenu } }}
      >
        {playbackRates.map((rate, index) => (
          <MenuItem key={`${rate.num}/${rate.den}`} value={index}>
            {formatRate(rate)}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="caption" color="text.secondary" sx={{ px: 1, minWidth: 84 }} data-testid="playback-state">
        {playing ? (playing.direction === 1 ? '▶ playing' : '◀ reverse') : 'paused'}
      </Typography>
      <Divider orientation="vertical" flexItem sx={{ mx: 1 }} />
      <JumpField first={first} last={last} onJump={scrubber.seek} inputRef={jumpRef} />
      <Divider orientation="vertical" flexItem sx={{ mx: 1 }} />
      <ToolButton label="Loop in–out" shortcut="R" onClick={scrubber.toggleLoop} pressed={loop.enabled} disabled={loop.from === null || loop.to === null}>
        <LoopIcon fontSize="small" />
      </ToolButton>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'ui-monospace, monospace', px: 0.5 }} data-testid="loop-label">
        in {loop.from ?? '—'} · out {loop.to ?? '—'}
      </Typography>
      <Box sx={{ flex: 1 }} />
      <ToolButton label="Zoom out" shortcut="−" onClick={() => viewport.zoomBy(0.8)}>
        <ZoomOutIcon fontSize="small" />
      </ToolButton>
      <ToolButton label="Zoom in" shortcut="+" onClick={() => viewport.zoomBy(1.25)}>
        <ZoomInIcon fontSize="small" />
      </ToolButton>
      <ToolButton label="Fit the frame" shortcut="0" onClick={viewport.fit} pressed={viewport.fitted}>
        <FitIcon fontSize="small" />
      </ToolButton>
      <ToolButton label="Keyboard shortcuts" shortcut="?" onClick={onHelp}>
        <KeyboardIcon fontSize="small" />
      </ToolButton>
    </Stack>
  );
}
