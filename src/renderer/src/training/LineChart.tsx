import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Point } from './downsample';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  segments: Point[][];
}

export interface LineChartProps {
  title: string;
  series: ChartSeries[];
  /** Epochs on the x axis (x = 1 .. xMax). */
  xMax: number;
  /** Fixed y range (accuracy: 0..1); otherwise from the points. */
  yDomain?: [number, number];
  yFormat: (y: number) => string;
  /** Vertical markers where a stage begins. */
  markers: { x: number; label: string }[];
}

const width = 640;
const height = 220;
const pad = { left: 48, right: 12, top: 18, bottom: 24 };

function domainOf(series: readonly ChartSeries[], fixed: [number, number] | undefined): [number, number] {
  if (fixed) return fixed;
  const ys = series.flatMap((s) => s.segments.flat().map(([, y]) => y));
  if (ys.length === 0) return [0, 1];
  const low = Math.min(0, ...ys);
  const high = Math.max(...ys);
  return high - low < 1e-9 ? [low - 0.5, high + 0.5] : [low, high + (high - low) * 0.05];
}

/** Epoch curves as SVG (no chart library): one line per series, cut where a stage begins. */
export function LineChart({ title, series, xMax, yDomain, yFormat, markers }: LineChartProps) {
  const drawn = series.filter((s) => s.segments.length > 0);
  const [y0, y1] = domainOf(drawn, yDomain);
  const xs = (x: number) => pad.left + ((x - 1) / Math.max(1, xMax - 1)) * (width - pad.left - pad.right);
  const ys = (y: number) => pad.top + (1 - (y - y0) / (y1 - y0)) * (height - pad.top - pad.bottom);
  const ticks = [y0, (y0 + y1) / 2, y1];
  // A marker's label near the right edge is written leftwards, so it is not cut off.
  const nearRight = (x: number) => xs(x) > width - pad.right - 90;
  const last = (s: ChartSeries) => s.segments.at(-1)?.at(-1);
  const description = drawn.map((s) => `${s.label} ${yFormat(last(s)![1])} at epoch ${last(s)![0]}`).join(', ');
  return (
    <Stack spacing={0.5} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <Box component="svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${description || 'no epoch yet'}`} sx={{ width: '100%', height: 'auto', display: 'block' }}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={ys(t)} y2={ys(t)} stroke="#e0e0e0" />
            <text x={pad.left - 6} y={ys(t) + 4} textAnchor="end" fontSize={11} fill="#666">
              {yFormat(t)}
            </text>
          </g>
        ))}
        {markers.map((m) => (
          <g key={m.x}>
            <line x1={xs(m.x)} x2={xs(m.x)} y1={pad.top - 4} y2={height - pad.bottom} stroke="#9e9e9e" strokeDasharray="3 3" />
            <text x={xs(m.x) + (nearRight(m.x) ? -3 : 3)} y={pad.top - 6} fontSize={10} fill="#666" textAnchor={nearRight(m.x) ? 'end' : 'start'}>
              {m.label}
            </text>
          </g>
        ))}
        <text x={pad.left} y={height - 6} fontSize={11} fill="#666">
          epoch 1
        </text>
        <text x={width - pad.right} y={height - 6} fontSize={11} fill="#666" textAnchor="end">
          {xMax}
        </text>
        {drawn.map((s) => (
          <g key={s.key} data-testid={`curve-${s.key}`} data-points={s.segments.reduce((n, seg) => n + seg.length, 0)} stroke={s.color} fill={s.color}>
            {s.segments.map((seg) =>
              seg.length === 1 ? (
                <circle key={seg[0]![0]} cx={xs(seg[0]![0])} cy={ys(seg[0]![1])} r={2.5} />
              ) : (
                <path key={seg[0]![0]} d={seg.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${xs(x).toFixed(1)},${ys(y).toFixed(1)}`).join('')} fill="none" strokeWidth={1.6} strokeDasharray={s.dashed ? '5 3' : undefined} />
              ),
            )}
          </g>
        ))}
      </Box>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} aria-hidden>
        {drawn.map((s) => (
          <Stack key={s.key} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Box sx={{ width: 14, height: 3, bgcolor: s.color }} />
            <Typography variant="caption">{s.label}</Typography>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
