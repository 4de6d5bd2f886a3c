import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './app/App';
import { installDesktopHost } from './app/desktop-host';
import { offerRestore, startupProject } from './app/startup';
import { installTestHook } from './app/test-hook';
import { useLanguageStore } from './i18n/i18n';
import { initProjectStore } from './store/project-store';

document.documentElement.lang = useLanguageStore.getState().language;
const project = startupProject(window.location.search);
initProjectStore(project, null);
installTestHook();
installDesktopHost();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ReactFlowProvider>
      <App />
    </ReactFlowProvider>
  </StrictMode>,
);

void offerRestore(project, window.location.search);
