import WebSocket from 'ws';
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

/** A policy as directive → sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

test.describe('Content security policy', () => {
  test('every HTML route sends a policy that allows only our own scripts, connections and no framing, and the page holds the same in a meta tag', async ({ playwright, server }) => {
    const request = await playwright.request.newContext({ baseURL: server.baseUrl, extraHTTPHeaders: { authorization: `Bearer ${server.token}` } });
    for (const route of ['/', '/index.html', `/?token=${server.token}`]) {
      const response = await request.get(route);
      expect(response.status(), route).toBe(200);
      const header = directives(response.headers()['content-security-policy'] ?? '');
      const meta = directives(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(await response.text())?.[1] ?? '');
      for (const policy of [header, meta]) {
        expect(policy['default-src']).toEqual(["'self'"]);
        expect(policy['script-src']).toEqual(["'self'"]);
        // Only our own origin: a script that got in could not send data to another host.
        expect(policy['connect-src']).toEqual(["'self'"]);
        expect(policy['object-src']).toEqual(["'none'"]);
        expect(policy['base-uri']).toEqual(["'none'"]);
        expect(policy['form-action']).toEqual(["'none'"]);
        for (const [name, sources] of Object.entries(policy)) expect(sources, name).not.toContainEqual(expect.stringMatching(/^(\*|https?:|wss?:|'unsafe-eval')$/));
      }
      // A meta tag cannot forbid framing; the header does.
      expect(header['frame-ancestors']).toEqual(["'none'"]);
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
    }
    await request.dispose();
  });

  test('under the policy the page reaches its own events socket and no other host', async ({ page, server }) => {
    await page.goto(server.url);
    const outcome = await page.evaluate(async () => {
      const g = globalThis as unknown as {
        location: { host: string };
        WebSocket: new (url: string) => { onopen: (() => void) | null; onerror: (() => void) | null; close(): void };
        document: { addEventListener(type: string, listener: (e: { blockedURI: string }) => void): void };
      };
      const blocked: string[] = [];
      g.document.addEventListener('securitypolicyviolation', (e) => blocked.push(e.blockedURI));
      const open = (url: string) =>
        new Promise<string>((resolve) => {
          try {
            const ws = new g.WebSocket(url);
            ws.onopen = () => {
              ws.close();
              resolve('open');
            };
            ws.onerror = () => resolve('error');
          } catch {
            resolve('refused');
          }
        });
      const own = await open(`ws://${g.location.host}/events`);
      const other = await open('ws://127.0.0.1:9/exfiltrate');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { own, other, blocked };
    });
    expect(outcome.own).toBe('open');
    expect(outcome.other).not.toBe('open');
    expect(outcome.blocked.join(' ')).toContain('127.0.0.1:9');
  });
});

test.describe('The token on every route', () => {
  test('assets, pages, the API, media and the events socket all refuse a missing, wrong or other server\'s token', async ({ playwright, server }) => {
    const authorised = await playwright.request.newContext({ baseURL: server.baseUrl, extraHTTPHeaders: { authorization: `Bearer ${server.token}` } });
    const html = await (await authorised.get('/')).text();
    const asset = /src="\.?(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset, 'the page names its script').toBeTruthy();
    expect((await authorised.get(asset!)).status()).toBe(200);
    await authorised.dispose();

    const port = new URL(server.baseUrl).port;
    const wrongs: Record<string, Record<string, string>> = {
      none: {},
      'wrong bearer': { authorization: 'Bearer not-the-token' },
      'token without Bearer': { authorization: server.token },
      'wrong cookie': { cookie: `mer_token_${port}=not-the-token` },
      "another server's cookie": { cookie: `mer_token_1=${server.token}` },
    };
    for (const [how, headers] of Object.entries(wrongs)) {
      const anonymous = await playwright.request.newContext({ baseURL: server.baseUrl, extraHTTPHeaders: headers });
      for (const route of ['/', '/index.html', asset!, '/no-such-page', '/media/recordings/x/frames/0.jpg', '/events']) {
        expect((await anonymous.get(route)).status(), `${how}: GET ${route}`).toBe(401);
      }
      expect((await anonymous.post('/api/projects.list', { data: {} })).status(), `${how}: /api`).toBe(401);
      expect((await anonymous.get('/?token=not-the-token')).status(), `${how}: wrong token in the URL`).toBe(401);
      await anonymous.dispose();
    }
  });

  test('the events socket opens with the token only, and never for a page of another origin', async ({ server }) => {
    const upgrade = (query: string, origin?: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/events${query}`, origin ? { origin } : {});
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('error', (e) => resolve(e.message));
      });
    expect(await upgrade(`?token=${server.token}`)).toBe('open');
    expect(await upgrade('?token=not-the-token')).toMatch(/401/);
    expect(await upgrade(`?token=${server.token}`, 'http://evil.example')).toMatch(/401/);
  });
});
