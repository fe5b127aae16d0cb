import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Run } from '../../../shared/api/training';
import { configEntries } from './config-entries';
import { Section } from './Section';

/** Everything the run was configured with, and the TensorFlow.js backend it ran on. */
export function ConfigSection({ run }: { run: Run }) {
  const entries = configEntries(run.config);
  const sections = [...new Set(entries.map((e) => e.section))];
  const backend = run.backend;
  return (
    <Section title="Configuration and backend" testId="config-section">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))', xl: 'repeat(4, minmax(0, 1fr))' }, gap: 2 }}>
        {sections.map((section) => (
          <Box key={section}>
            <Typography variant="overline" color="text.secondary" component="div" sx={{ fontWeight: 700 }}>
              {section}
            </Typography>
            <Box component="dl" sx={{ m: 0 }} aria-label={`Configuration: ${section}`}>
            {entries
              .filter((e) => e.section === section)
              .map((e) => (
                <Box key={e.key} sx={{ display: 'flex', gap: 1, fontSize: 13 }}>
                  <Box component="dt" sx={{ color: 'text.secondary', minWidth: 130 }}>
                    {e.key}
                  </Box>
                  <Box component="dd" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }}>
                    {e.value}
                  </Box>
                </Box>
              ))}
            </Box>
          </Box>
        ))}
        <Box data-testid="run-backend">
          <Typography variant="overline" color="text.secondary" component="div" sx={{ fontWeight: 700 }}>
            backend used
          </Typography>
          {backend ? (
            <>
              <Typography variant="body2">
                {backend.name} · {backend.threads} thread{backend.threads === 1 ? '' : 's'}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {backend.detail}
              </Typography>
              {Object.entries(backend.versions).map(([pkg, version]) => (
                <Typography key={pkg} variant="body2" color="text.secondary">
                  {pkg} {version}
                </Typography>
              ))}
            </>
          ) : (
            <Typography variant="body2" color="text.secondary">
              Not chosen yet
            </Typography>
          )}
        </Box>
      </Box>
    </Section>
  );
}
