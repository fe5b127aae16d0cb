import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../shared/client/api-client';
import { ApiProvider } from './app/api-context';
import { App } from './app/App';
import { chooseTransport } from './app/transport';

const client = createApiClient(chooseTransport());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApiProvider client={client}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
