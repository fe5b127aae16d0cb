import { createTheme, type Theme } from '@mui/material/styles';

/** The Label page's dark workspace: a neutral surround keeps the eye on the frame's own tones. */
export function workspaceTheme(base: Theme): Theme {
  return createTheme({
    palette: {
      mode: 'dark',
      primary: { main: '#82b1ff' },
      secondary: { main: '#b0bec5' },
      warning: { main: '#ffc107' },
      background: { default: '#121417', paper: '#1a1d21' },
      divider: 'rgba(255, 255, 255, 0.1)',
      text: { primary: '#e3e7eb', secondary: '#98a3ae' },
    },
    shape: base.shape,
    typography: {
      fontFamily: base.typography.fontFamily,
      fontSize: 13,
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiButton: { defaultProps: { disableElevation: true, size: 'small' } },
      MuiIconButton: { defaultProps: { size: 'small' } },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiPaper: { defaultProps: { variant: 'outlined' } },
      MuiTooltip: { defaultProps: { disableInteractive: true } },
    },
  });
}
