import AppBar from '@mui/material/AppBar';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CssBaseline from '@mui/material/CssBaseline';
import IconButton from '@mui/material/IconButton';
import { ThemeProvider } from '@mui/material/styles';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { AgreementPage } from '../agreement/AgreementPage';
import { AnnotatorProvider } from '../annotators/annotator-context';
import { AnnotatorButton } from '../annotators/AnnotatorButton';
import { AppInfoDialog } from '../app-info/AppInfoDialog';
import { ExportPage } from '../export/ExportPage';
import { InfoIcon, JobsIcon } from '../common/icons';
import { JobsProvider } from '../jobs/jobs-context';
import { JobsDrawer } from '../jobs/JobsDrawer';
import { useJobs } from '../jobs/use-jobs';
import { LibraryPage } from '../library/LibraryPage';
import { LabelPage } from '../scrubber/LabelPage';
import { TrainPage } from '../training/TrainPage';
import { ResultsPage } from '../results/ResultsPage';
import { MainNav } from './MainNav';
import { theme } from './theme';
import { useHashRoute, type PageId } from './use-hash-route';

function Page({ page }: { page: PageId }) {
  switch (page) {
    case 'library':
      return <LibraryPage />;
    case 'label':
      return <LabelPage />;
    case 'agreement':
      return <AgreementPage />;
    case 'train':
      return <TrainPage />;
    case 'results':
      return <ResultsPage />;
    case 'export':
      return <ExportPage />;
  }
}

/** The shell: app bar with navigation, the jobs and app info panels, and the current page. */
export function App() {
  const page = useHashRoute();
  const jobs = useJobs();
  const [jobsOpen, setJobsOpen] = useState(false);
  const [infoOpen, setInfoOpen] = useState(false);

  return (
    <ThemeProvider theme={theme}>
      <JobsProvider jobs={jobs}>
      <AnnotatorProvider>
      <CssBaseline />
      <AppBar position="sticky" color="primary">
        <Toolbar variant="dense" sx={{ gap: 3 }}>
          <Typography variant="h3" component="span" sx={{ whiteSpace: 'nowrap', letterSpacing: 0.2 }}>
            MER Workstation
          </Typography>
          <MainNav current={page} />
          <Box sx={{ flex: 1 }} />
          <AnnotatorButton />
          <Button
            color="inherit"
            onClick={() => setJobsOpen(true)}
            startIcon={
              <Badge badgeContent={jobs.activeCount} color="warning">
                <JobsIcon />
              </Badge>
            }
            aria-label={jobs.activeCount > 0 ? `Jobs, ${jobs.activeCount} running` : 'Jobs'}
          >
            Jobs
          </Button>
          <Tooltip title="App info">
            <IconButton color="inherit" aria-label="App info" onClick={() => setInfoOpen(true)}>
              <InfoIcon />
            </IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      {page === 'label' ? (
        // The Label page is a workspace: the whole window below the app bar, no page margins.
        <Box component="main" sx={{ height: 'calc(100vh - 48px)', minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <Page page={page} />
        </Box>
      ) : (
        <Box component="main" sx={{ p: 2, maxWidth: 1400, mx: 'auto' }}>
          <Page page={page} />
        </Box>
      )}
      <JobsDrawer open={jobsOpen} onClose={() => setJobsOpen(false)} jobs={jobs} />
      <AppInfoDialog open={infoOpen} onClose={() => setInfoOpen(false)} />
      </AnnotatorProvider>
      </JobsProvider>
    </ThemeProvider>
  );
}
