import { expect, test } from './fixtures';
import { openApp } from './library-steps';

test('the app info panel shows the data directory, TF.js backends and ffmpeg', async ({ page, server }) => {
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'App info' }).click();
  const panel = page.getByRole('dialog', { name: 'App info' });
  await expect(panel.getByRole('row', { name: /Data directory/ })).toContainText(server.dataDir);
  await expect(panel.getByRole('row', { name: /Host/ })).toContainText('server');
  await expect(panel.getByTestId('tf-backend-cpu')).toContainText('Available');
  const ffmpeg = panel.getByTestId('tool-ffmpeg');
  await expect(ffmpeg).toContainText('Found');
  await expect(ffmpeg).toContainText(/\/ffmpeg/);
  await expect(panel.getByTestId('tool-ffprobe')).toContainText('Found');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
});
