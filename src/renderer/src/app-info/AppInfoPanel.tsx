import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { AppInfo, ToolInfo } from '../../../shared/api/app';
import { useApiQuery } from '../api/use-api-query';

const mono = { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', fontSize: 12, overflowWrap: 'anywhere' } as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ width: 150, verticalAlign: 'top', color: 'text.secondary', fontWeight: 600 }}>
        {label}
      </TableCell>
      <TableCell sx={{ verticalAlign: 'top' }}>{children}</TableCell>
    </TableRow>
  );
}

function Availability({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return <Chip size="small" color={ok ? 'success' : 'default'} variant={ok ? 'filled' : 'outlined'} label={ok ? yes : no} />;
}

function Tool({ tool }: { tool: ToolInfo }) {
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Availability ok={tool.found} yes="Found" no="Not found" />
      {tool.path && <Typography sx={mono}>{tool.path}</Typography>}
      {tool.version && <Typography variant="body2">{tool.version}</Typography>}
      <Typography variant="body2" color="text.secondary">
        {tool.detail}
      </Typography>
    </Stack>
  );
}

function InfoTable({ info }: { info: AppInfo }) {
  return (
    <Table aria-label="App info">
      <TableBody>
        <Row label="Version">
          {info.name} {info.version}
        </Row>
        <Row label="Host">{info.host}</Row>
        <Row label="Data directory">
          <Typography sx={mono}>{info.dataDir}</Typography>
        </Row>
        <Row label="Schema version">{info.schemaVersion}</Row>
        <Row label="Runtime">
          Node {info.node} on {info.platform}
        </Row>
        <Row label="TF.js backends">
          <Stack spacing={1}>
            {info.tfBackends.map((backend) => (
              <Stack key={backend.name} direction="row" spacing={1} sx={{ alignItems: 'baseline' }} data-testid={`tf-backend-${backend.name}`}>
                <Typography sx={{ ...mono, minWidth: 110 }}>{backend.name}</Typography>
                <Availability ok={backend.available} yes="Available" no="Unavailable" />
                <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
                  {backend.detail}
                </Typography>
              </Stack>
            ))}
          </Stack>
        </Row>
        <Row label="ffmpeg">
          <div data-testid="tool-ffmpeg">
            <Tool tool={info.ffmpeg} />
          </div>
        </Row>
        <Row label="ffprobe">
          <div data-testid="tool-ffprobe">
            <Tool tool={info.ffprobe} />
          </div>
        </Row>
      </TableBody>
    </Table>
  );
}

/** What this workstation runs on: versions, where its data lives, which tools and backends it found. */
export function AppInfoPanel() {
  const info = useApiQuery('app.info', {});
  return (
    <Stack spacing={1} data-testid="app-info-panel">
      {info.loading && <LinearProgress aria-label="Loading app info" />}
      {info.error && <Alert severity="error">{info.error.message}</Alert>}
      {info.data && <InfoTable info={info.data} />}
    </Stack>
  );
}
