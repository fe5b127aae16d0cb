import { createTheme } from '@mui/material/styles';

const systemFont = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');

/** A quiet, dense theme for long working sessions: the data, not the chrome, draws the eye. */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#2c4f7c' },
    secondary: { main: '#5b6b7f' },
    background: { default: '#f3f5f8', paper: '#ffffff' },
    divider: 'rgba(15, 30, 50, 0.12)',
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily: systemFont,
    fontSize: 13,
    h1: { fontSize: '1.5rem', fontWeight: 600 },
    h2: { fontSize: '1.25rem', fontWeight: 600 },
    h3: { fontSize: '1.05rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true, size: 'small' } },
    MuiIconButton: { defaultProps: { size: 'small' } },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiTable: { defaultProps: { size: 'small' } },
    MuiPaper: { defaultProps: { variant: 'outlined' } },
    MuiAppBar: { defaultProps: { elevation: 0 } },
    MuiTooltip: { defaultProps: { disableInteractive: true } },
    MuiTableCell: {
      styleOverrides: {
        head: { fontWeight: 600, color: '#44546a', backgroundColor: '#f7f8fa' },
      },
    },
  },
});
