// First: configures zod before any module parses with it.
import './app/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../shared/client/api-client';
import { ApiProvider } from './app/api-context';
import { App } from './app/App';
import { MediaProvider } from './app/media-context';
import { createMediaUrls } from './app/media-urls';
import { chooseMediaRoot, chooseTransport } from './app/transport';

const client = createApiClient(chooseTransport());
const mediaUrls = createMediaUrls(chooseMediaRoot());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApiProvider client={client}>
      <MediaProvider urls={mediaUrls}>
        <App />
      </MediaProvider>
    </ApiProvider>
  </StrictMode>,
);
