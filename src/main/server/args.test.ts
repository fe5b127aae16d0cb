import { expect, test } from 'vitest';
import { isLoopback, parseServerArgs } from './args';

test('defaults to loopback on port 4780 with a per-user data directory', () => {
  const args = parseServerArgs([], { HOME: '/home/ana' });
  expect(args).toMatchObject({ host: '127.0.0.1', port: 4780, token: undefined });
  expect(args.dataDir).toMatch(/MER Workstation$/);
});

test('reads the options the README documents', () => {
  const args = parseServerArgs(['--data-dir', '/d', '--port', '0', '--host', '0.0.0.0', '--token', 'abcdefghijklmnopqrstuvwxyz']);
  expect(args).toMatchObject({ dataDir: '/d', port: 0, host: '0.0.0.0', token: 'abcdefghijklmnopqrstuvwxyz' });
  expect(parseServerArgs([], { MER_TOKEN: 'from-the-environment-1234' }).token).toBe('from-the-environment-1234');
});

test('bad options are explained', () => {
  expect(() => parseServerArgs(['--port', 'http'])).toThrow('--port must be an integer from 0 to 65535, not "http"');
  expect(() => parseServerArgs(['--port', '70000'])).toThrow(/--port/);
  expect(() => parseServerArgs(['--token', 'short'])).toThrow(/at least 16 characters/);
  expect(() => parseServerArgs(['--colour'])).toThrow(/colour/);
});

test('only loopback addresses count as loopback', () => {
  expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].every(isLoopback)).toBe(true);
  expect(['0.0.0.0', '192.168.1.5', '::', 'example.org'].some(isLoopback)).toBe(false);
});
