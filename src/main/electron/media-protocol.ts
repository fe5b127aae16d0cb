import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveMediaRequest } from './media-request';
import { mediaScheme } from './security-policy';

/** Must run before `app` is ready: `mer-media:` behaves like https (fetch, streaming, secure). */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: mediaScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves `mer-media://media/<path>` from the media folder, never from anywhere else. */
export function serveMedia(mediaDir: string): void {
  protocol.handle(mediaScheme, async (request) => {
    const answer = resolveMediaRequest(request.url, request.method, mediaDir);
    if (answer.status !== 200) {
      if (answer.status === 403) console.warn(`[media] refused ${request.url}: ${answer.reason}`);
      return new Response(answer.reason, { status: answer.status, headers: { 'content-type': 'text/plain' } });
    }
    // net.fetch of a file: URL streams the file; a Range header is passed on for video seeking.
    const range = request.headers.get('range');
    const response = await net.fetch(pathToFileURL(answer.file).toString(), range ? { headers: { range } } : {});
    if (request.method !== 'HEAD') return response;
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers });
  });
}
