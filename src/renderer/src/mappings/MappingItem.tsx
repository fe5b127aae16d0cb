import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { LabelMappingInfo } from '../../../shared/api/mappings';
import { DeleteIcon, EditIcon } from '../common/icons';
import { mappingGroups } from './mapping-draft';

export interface MappingItemProps {
  mapping: LabelMappingInfo;
  /** Project mappings are edited and deleted; built-in ones are copied into the project. */
  onEdit?: () => void;
  onDelete?: () => void;
  onCopy: () => void;
}

/** One mapping: its classes with the labels each takes in, the labels it leaves out, and its actions. */
export function MappingItem({ mapping, onEdit, onDelete, onCopy }: MappingItemProps) {
  return (
    <Stack component="li" spacing={0.5} aria-label={mapping.name} data-testid="mapping" sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Stack sx={{ flex: 1, minWidth: 0 }}>
          <Typography sx={{ fontWeight: 600 }}>{mapping.name}</Typography>
          <Typography variant="caption" color="text.secondary">
            {mapping.editable ? `Updated ${mapping.updatedAt ? new Date(mapping.updatedAt).toLocaleString() : ''}` : `Read-only · ${mapping.source}`}
          </Typography>
        </Stack>
        {onEdit && (
          <Button size="small" startIcon={<EditIcon />} onClick={onEdit}>
            Edit
          </Button>
        )}
        {onDelete && (
          <Button size="small" color="error" startIcon={<DeleteIcon />} onClick={onDelete}>
            Delete
          </Button>
        )}
        <Button size="small" onClick={onCopy}>
          Copy
        </Button>
      </Stack>
      <Stack component="dl" spacing={0.25} sx={{ m: 0 }} data-testid="mapping-classes">
        {mappingGroups(mapping).map((group) => (
          <Stack direction="row" spacing={1} key={group.target ?? '\u0000'} data-testid="mapping-class" data-class={group.target ?? 'left out'}>
            <Typography component="dt" variant="body2" sx={{ width: 130, flexShrink: 0, fontWeight: 600, color: group.target === null ? 'text.secondary' : 'text.primary' }}>
              {group.target ?? 'left out'}
            </Typography>
            <Typography component="dd" variant="body2" color="text.secondary" sx={{ m: 0 }}>
              {group.labels.length > 0 ? group.labels.join(', ') : '—'}
            </Typography>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
