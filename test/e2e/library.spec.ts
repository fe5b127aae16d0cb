import { expect, test } from './fixtures';
import { addSubject, createProject, openApp, subjectRow } from './library-steps';

test.describe('Library', () => {
  test('a project and its subject are still there after a reload', async ({ page, server }) => {
    await openApp(page, server.url);
    // The token has done its work (a cookie now carries it) and is gone from the address bar.
    await expect(page).not.toHaveURL(/token=/);

    await createProject(page, 'CASME II re-labelling', '200');
    await addSubject(page, 'sub01', 'Glasses; lit from the left');
    await expect(page.getByTestId('project-list')).toContainText('1 subject · 200 fps');

    await page.reload();
    await expect(page.getByTestId('selected-project-name')).toHaveText('CASME II re-labelling');
    await expect(subjectRow(page, 'sub01')).toContainText('Glasses; lit from the left');
  });

  test('a duplicate subject code shows the server’s conflict message', async ({ page, server }) => {
    await openApp(page, server.url);
    await createProject(page, 'SAMM pilot');
    await addSubject(page, '006');

    await page.getByRole('button', { name: 'Add subject' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add subject' });
    await dialog.getByLabel('Subject code').fill('006');
    await dialog.getByRole('button', { name: 'Add subject' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Subject "006" already exists in this project');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('subject-row')).toHaveCount(1);
  });

  test('a validation error appears next to its field', async ({ page, server }) => {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Project name').fill('   ');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await expect(dialog.getByText('must not be empty')).toBeVisible();
    await expect(dialog.getByLabel('Project name')).toHaveAttribute('aria-invalid', 'true');
  });

  test('projects can be selected, renamed and deleted; the selection survives a reload', async ({ page, server }) => {
    await openApp(page, server.url);
    await createProject(page, 'First');
    await createProject(page, 'Second');

    await page.getByTestId('project-list').getByRole('button', { name: /First/ }).click();
    await expect(page.getByTestId('selected-project-name')).toHaveText('First');
    await page.reload();
    await expect(page.getByTestId('selected-project-name')).toHaveText('First');

    await page.getByRole('button', { name: 'Edit project' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit project "First"' });
    await edit.getByLabel('Project name').fill('Second');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.getByRole('alert')).toHaveText('A project named "Second" already exists');
    await edit.getByLabel('Project name').fill('First, renamed');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByTestId('selected-project-name')).toHaveText('First, renamed');

    await page.getByRole('button', { name: 'Delete project' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete project "First, renamed"?' });
    await confirm.getByRole('button', { name: 'Delete project' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByTestId('project-list').getByRole('button')).toHaveCount(1);
    await expect(page.getByTestId('selected-project-name')).toHaveText('Second');
  });

  test('a subject can be edited and deleted after confirmation', async ({ page, server }) => {
    await openApp(page, server.url);
    await createProject(page, 'Edits');
    await addSubject(page, 'S1', 'first note');

    await page.getByRole('button', { name: 'Edit subject S1' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit subject "S1"' });
    await edit.getByLabel('Subject code').fill('S01');
    await edit.getByLabel('Notes').fill('corrected note');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(subjectRow(page, 'S01')).toContainText('corrected note');

    await page.getByRole('button', { name: 'Delete subject S01' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete subject "S01"?' });
    await confirm.getByRole('button', { name: 'Delete subject' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('No subjects in this project yet.')).toBeVisible();
  });

  test('changes made elsewhere appear without a reload', async ({ page, server, playwright }) => {
    await openApp(page, server.url);
    await createProject(page, 'Shared');
    const projectName = page.getByTestId('selected-project-name');
    await expect(projectName).toHaveText('Shared');

    // Another client (a second window, a script) changes the same project through the API.
    const other = await playwright.request.newContext({
      baseURL: server.baseUrl,
      extraHTTPHeaders: { authorization: `Bearer ${server.token}` },
    });
    const projects = (await (await other.post('/api/projects.list', { data: {} })).json()) as { result: { id: number }[] };
    const projectId = projects.result[0]?.id;
    expect(projectId).toBeDefined();
    const created = await other.post('/api/subjects.create', { data: { projectId, code: 'remote-1', notes: 'added by a script' } });
    expect(created.status()).toBe(200);
    await other.post('/api/projects.update', { data: { id: projectId, name: 'Shared, renamed elsewhere' } });
    await other.dispose();

    await expect(subjectRow(page, 'remote-1')).toContainText('added by a script');
    await expect(projectName).toHaveText('Shared, renamed elsewhere');
  });
});
