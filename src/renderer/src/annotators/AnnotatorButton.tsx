import Button from '@mui/material/Button';
import { PersonIcon } from '../common/icons';
import { useAnnotatorSession } from './annotator-context';

/** The app bar's "who is coding" button: shows the coder, opens the chooser. */
export function AnnotatorButton() {
  const { annotator, openChooser } = useAnnotatorSession();
  return (
    <Button
      color="inherit"
      onClick={() => openChooser()}
      startIcon={<PersonIcon />}
      data-testid="current-coder"
      aria-label={annotator ? `Coding as ${annotator.name}; change coder` : 'Choose who is coding'}
      sx={annotator ? undefined : { bgcolor: 'rgba(255, 193, 7, 0.22)', '&:hover': { bgcolor: 'rgba(255, 193, 7, 0.32)' } }}
    >
      {annotator ? `Coding as ${annotator.name}` : 'Choose coder'}
    </Button>
  );
}
