import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export interface LabelSetRow {
  id: string;
  name: string;
  labels: readonly string[];
  source: string;
}

function LabelSetItem({ set, highlight }: { set: LabelSetRow; highlight?: boolean }) {
  return (
    <Stack component="li" spacing={0.5} aria-label={set.name} data-testid="label-set" sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Typography sx={{ fontWeight: 600 }}>{set.name}</Typography>
        <Typography variant="caption" color="text.secondary">
          {set.labels.length} labels · {set.source}
        </Typography>
      </Stack>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {set.labels.map((label) => (
          <Chip key={label} label={label} size="small" variant="outlined" color={highlight ? 'primary' : 'default'} />
        ))}
      </Stack>
    </Stack>
  );
}

/** The project's own label set first, then the public datasets' vocabularies it can be mapped from. */
export function LabelSetList({ project, builtIn }: { project: LabelSetRow; builtIn: readonly LabelSetRow[] }) {
  return (
    <Stack component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Label sets">
      <LabelSetItem set={project} highlight />
      {builtIn.map((set) => (
        <LabelSetItem key={set.id} set={set} />
      ))}
    </Stack>
  );
}
