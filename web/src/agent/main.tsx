import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AgentApp } from './agent-app.js';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <AgentApp />
  </StrictMode>,
);
