import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import NativeSelect from '@mui/material/NativeSelect';
import ToggleButton from '@mui/material/ToggleButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { describeAu, facsCode, printAuCode, type AuCode, type Intensity } from '../../../shared/domain/facs';
import { CloseIcon } from '../common/icons';
import { intensityChoices, intensityOf, sideChoices, sideOf, withIntensity, withSide, type SideChoice } from './au-editor-state';

export interface AuRowProps {
  code: AuCode;
  disabled?: boolean;
  onChange: (code: AuCode) => void;
  onRemove: () => void;
}

const selectSx = { fontSize: 12.5, '& select': { py: 0.25, pl: 0.75 } } as const;

/** One AU of a flat set: its FACS name, side, intensity and "unsure", each changed in place. */
export function AuRow({ code, disabled, onChange, onRemove }: AuRowProps) {
  const side = sideOf(code);
  const intensity = intensityOf(code);
  const printed = printAuCode(code);
  const known = facsCode(code.au) !== undefined;
  return (
    <Box
      data-testid="au-row"
      data-code={printed}
      title={describeAu(code)}
      sx={{ display: 'grid', gridTemplateColumns: '58px minmax(0, 1fr) auto', alignItems: 'center', columnGap: 1, py: 0.5, borderBottom: 1, borderColor: 'divider' }}
    >
      <Typography sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 700, fontSize: 13, color: known ? 'primary.main' : 'warning.main' }}>{printed}</Typography>
      <Typography variant="body2" noWrap sx={{ color: known ? 'text.primary' : 'warning.main' }}>
        {describeAu(code).replace(/^AU\d+ /, '')}
      </Typography>
      <Tooltip title={`Remove ${printed}`}>
        <span>
          <IconButton aria-label={`Remove AU ${printed}`} onClick={onRemove} disabled={disabled} sx={{ p: 0.25 }}>
            <CloseIcon sx={{ fontSize: 16 }} />
          </IconButton>
        </span>
      </Tooltip>
      <Box sx={{ gridColumn: '2 / 4', display: 'flex', gap: 1, alignItems: 'center', mt: 0.25 }}>
        <NativeSelect
          value={side ?? 'other'}
          disabled={disabled || side === null}
          onChange={(e) => onChange(withSide(code, e.target.value as SideChoice))}
          inputProps={{ 'aria-label': `Side of AU ${code.au}` }}
          sx={selectSx}
        >
          {side === null && <option value="other">{code.sides.join('/')} (as written)</option>}
          {sideChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          value={intensity ?? 'other'}
          disabled={disabled || intensity === null}
          onChange={(e) => onChange(withIntensity(code, e.target.value as '' | Intensity))}
          inputProps={{ 'aria-label': `Intensity of AU ${code.au}` }}
          sx={selectSx}
        >
          {intensity === null && <option value="other">{code.intensities.join('/')} (as written)</option>}
          {intensityChoices.map((i) => (
            <option key={i} value={i}>
              {i === '' ? 'No intensity' : `Intensity ${i}`}
            </option>
          ))}
        </NativeSelect>
        <ToggleButton
          value="uncertain"
          size="small"
          selected={code.uncertain}
          disabled={disabled}
          onChange={() => onChange({ ...code, uncertain: !code.uncertain })}
          aria-label={`AU ${code.au} uncertain`}
          title="Not sure of this AU (?)"
          sx={{ py: 0, px: 0.9, fontWeight: 700, lineHeight: 1.6 }}
        >
          ?
        </ToggleButton>
      </Box>
    </Box>
  );
}
