import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { hrefOf, pages, type PageId } from './use-hash-route';

/** Links between the workstation's pages; the current one is marked for eyes and screen readers. */
export function MainNav({ current }: { current: PageId }) {
  return (
    <Stack component="nav" aria-label="Main" direction="row" spacing={0.5} sx={{ alignSelf: 'stretch' }}>
      {pages.map((page) => {
        const active = page.id === current;
        return (
          <Button
            key={page.id}
            href={hrefOf(page.id)}
            aria-current={active ? 'page' : undefined}
            color="inherit"
            sx={{
              borderRadius: 0,
              px: 1.5,
              opacity: active ? 1 : 0.75,
              borderBottom: 2,
              borderColor: active ? 'common.white' : 'transparent',
              '&:hover': { opacity: 1, bgcolor: 'rgba(255,255,255,0.08)' },
            }}
          >
            {page.label}
          </Button>
        );
      })}
    </Stack>
  );
}
