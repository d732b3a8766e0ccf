import { createBrowserRouter } from 'react-router';
import { OrgsPage } from './orgs/orgs-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { AppShell } from './shell/app-shell.js';

/** Workbench routes, under /workbench/. A module's area lives at /<nav key>, e.g. /workbench/orgs. */
export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: <AppShell />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'orgs', element: <OrgsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/workbench' },
);
