import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import type { LabelMappingInfo } from '../../../shared/api/mappings';
import type { Project } from '../../../shared/api/projects';
import { useCallMutation } from '../api/use-call-mutation';
import { AddIcon } from '../common/icons';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { LabelSetList } from './LabelSetList';
import { MappingEditorDialog } from './MappingEditorDialog';
import { MappingItem } from './MappingItem';
import { draftFrom, emptyDraft, type MappingDraft } from './mapping-draft';
import { useMappings } from './use-mappings';

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id} sx={{ minWidth: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', minHeight: 36 }}>
        <Typography variant="h3" component="h3" id={id}>
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </Box>
  );
}

/**
 * The label sets and class mappings of a project, as data a user reads and edits: the public
 * datasets' vocabularies and mappings (read-only, copyable) and the project's own mappings, which
 * training and export use.
 */
export function MappingsDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const titleId = useId();
  const { sets, mappings, own, builtIn } = useMappings(project.id);
  const [editing, setEditing] = useState<MappingDraft | null>(null);
  const [deleting, setDeleting] = useState<LabelMappingInfo | null>(null);
  const remove = useCallMutation('mappings.delete');
  const copy = (mapping: LabelMappingInfo) => setEditing(draftFrom({ ...mapping, editable: false }, project.labelSet));

  const confirmDelete = async () => {
    if (deleting?.id == null) return;
    if ((await remove.run({ id: deleting.id })).ok) {
      setDeleting(null);
      mappings.reload();
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>Label sets and mappings of “{project.name}”</DialogTitle>
      <DialogContent dividers>
        <Box sx={{ height: 2, mb: 1 }}>{(sets.loading || mappings.loading) && <LinearProgress aria-label="Loading mappings" />}</Box>
        {(sets.error ?? mappings.error) && <Alert severity="error">{(sets.error ?? mappings.error)?.message}</Alert>}
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 5fr) minmax(0, 7fr)' }, gap: 3 }}>
          <Section title="Label sets">
            <LabelSetList project={{ id: 'project', name: 'This project', labels: project.labelSet, source: 'edited with the project' }} builtIn={sets.data ?? []} />
          </Section>
          <Stack spacing={3} sx={{ minWidth: 0 }}>
            <Section
              title="This project's mappings"
              action={
                <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing(emptyDraft(project.labelSet))}>
                  New mapping
                </Button>
              }
            >
              <Stack component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Project mappings">
                {own.map((m) => (
                  <MappingItem key={m.key} mapping={m} onEdit={() => setEditing(draftFrom(m, project.labelSet))} onDelete={() => setDeleting(m)} onCopy={() => copy(m)} />
                ))}
              </Stack>
              {mappings.data && own.length === 0 && (
                <Typography color="text.secondary" sx={{ py: 1 }}>
                  None yet. Create one, or copy a built-in mapping below and adapt it to this project’s labels.
                </Typography>
              )}
            </Section>
            <Section title="Built-in mappings">
              <Stack component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Built-in mappings">
                {builtIn.map((m) => (
                  <MappingItem key={m.key} mapping={m} onCopy={() => copy(m)} />
                ))}
              </Stack>
            </Section>
          </Stack>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
      {editing && (
        <MappingEditorDialog
          projectId={project.id}
          projectLabels={project.labelSet}
          draft={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            mappings.reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          open
          title={`Delete mapping “${deleting.name}”?`}
          confirmLabel="Delete mapping"
          destructive
          pending={remove.pending}
          error={remove.error?.message}
          onConfirm={() => void confirmDelete()}
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
        >
          Exports already written keep a copy of it in their manifest.
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
