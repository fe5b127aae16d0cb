import { expect, test } from './fixtures';

test.describe('Server access', () => {
  test('the API refuses a call without the token and answers one with it', async ({ playwright, server }) => {
    const anonymous = await playwright.request.newContext({ baseURL: server.baseUrl });
    const refused = await anonymous.post('/api/app.info', { data: {} });
    expect(refused.status()).toBe(401);
    const page = await anonymous.get('/');
    expect(page.status()).toBe(401);
    await anonymous.dispose();

    const authorised = await playwright.request.newContext({
      baseURL: server.baseUrl,
      extraHTTPHeaders: { authorization: `Bearer ${server.token}` },
    });
    const answered = await authorised.post('/api/app.info', { data: {} });
    expect(answered.status()).toBe(200);
    expect(answered.headers()['content-type']).toMatch(/^application\/json/);
    const body = (await answered.json()) as { type: string; result: { name: string; host: string } };
    expect(body.type).toBe('result');
    expect(body.result.host).toBe('server');
    await authorised.dispose();
  });

  test('the page is served with a content security policy', async ({ page, server }) => {
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'self'/);
  });
});
