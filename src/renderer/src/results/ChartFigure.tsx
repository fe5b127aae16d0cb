import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { svgDocument, svgSize, type SvgElement } from './charts/svg-node';
import { SvgNodeView } from './charts/SvgNodeView';
import { downloadBlob, downloadText, svgToPng } from './exports/download';

/** A chart as drawn on screen, with downloads of exactly that chart as SVG and as PNG. */
export function ChartFigure({ chart, fileStem, label }: { chart: SvgElement; fileStem: string; label: string }) {
  const [error, setError] = useState<string | null>(null);
  const png = async () => {
    setError(null);
    try {
      downloadBlob(`${fileStem}.png`, await svgToPng(svgDocument(chart), svgSize(chart)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Box component="figure" sx={{ m: 0, minWidth: 0 }}>
      {/* The chart scales down with its column (it has a viewBox) and never grows past its size. */}
      <Box sx={{ '& > svg': { maxWidth: '100%', height: 'auto', display: 'block' } }}>
        <SvgNodeView node={chart} />
      </Box>
      <Stack direction="row" spacing={1} component="figcaption" sx={{ mt: 0.5 }}>
        <Button variant="outlined" aria-label={`Download ${label} as SVG`} onClick={() => downloadText(`${fileStem}.svg`, svgDocument(chart), 'image/svg+xml')}>
          SVG
        </Button>
        <Button variant="outlined" aria-label={`Download ${label} as PNG`} onClick={() => void png()}>
          PNG
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
    </Box>
  );
}
