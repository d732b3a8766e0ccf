import { createBrowserRouter } from 'react-router';
import { AccountPage } from './account/account-page.js';
import { UsersPage } from './admin/users-page.js';
import { AuditPage } from './audit/audit-page.js';
import { OrgsPage } from './orgs/orgs-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { PkiPage } from './pki/pki-page.js';
import { SecurityPage } from './security/security-page.js';
import { AppShell } from './shell/app-shell.js';
import { RequireNav } from './shell/forbidden.js';

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
        { path: 'account', element: <AccountPage /> },
        { path: 'users', element: <RequireNav navKey="users"><UsersPage /></RequireNav> },
        { path: 'security', element: <RequireNav navKey="security"><SecurityPage /></RequireNav> },
        { path: 'pki', element: <RequireNav navKey="pki"><PkiPage /></RequireNav> },
        { path: 'audit', element: <RequireNav navKey="audit"><AuditPage /></RequireNav> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/workbench' },
);
