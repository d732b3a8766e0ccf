import { createBrowserRouter } from 'react-router';
import { AccountPage } from './account/account-page.js';
import { UsersPage } from './admin/users-page.js';
import { AuditPage } from './audit/audit-page.js';
import { ArchivePage } from './archive/archive-page.js';
import { TodoPage } from './documents/todo-page.js';
import { WorkflowsPage } from './documents/workflows-page.js';
import { InboxPage } from './inbox/inbox-page.js';
import { IncomingPage } from './inbox/incoming-page.js';
import { SupervisionPage } from './inbox/supervision-page.js';
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
        // Receiving and filing; the statistics page loads its charts only when opened.
        { path: 'inbox', element: <RequireNav navKey="inbox"><InboxPage /></RequireNav> },
        { path: 'inbox/:id', element: <RequireNav navKey="inbox"><IncomingPage /></RequireNav> },
        { path: 'reminders', element: <RequireNav navKey="reminders"><SupervisionPage /></RequireNav> },
        { path: 'archive', element: <RequireNav navKey="archive"><ArchivePage /></RequireNav> },
        {
          path: 'documents-stats',
          lazy: async () => {
            const { StatsPage } = await import('./inbox/stats-page.js');
            return { element: <RequireNav navKey="documents-stats"><StatsPage /></RequireNav> };
          },
        },
        // Sending (发文): the to-do list, drafting, one document, workflow settings. The editor (TipTap)
        // loads only with the pages that use it.
        { path: 'documents', element: <RequireNav navKey="documents"><TodoPage /></RequireNav> },
        // 系统管理员 may set workflows without the 公文 menu: the workflows API decides who reads and who changes.
        { path: 'documents/workflows', element: <WorkflowsPage /> },
        {
          path: 'documents/new',
          lazy: async () => {
            const { DraftPage } = await import('./documents/draft-page.js');
            return { element: <RequireNav navKey="documents"><DraftPage /></RequireNav> };
          },
        },
        {
          path: 'documents/:id/edit',
          lazy: async () => {
            const { DraftPage } = await import('./documents/draft-page.js');
            return { element: <RequireNav navKey="documents"><DraftPage /></RequireNav> };
          },
        },
        {
          path: 'documents/:id',
          lazy: async () => {
            const { DocumentPage } = await import('./documents/document-page.js');
            return { element: <RequireNav navKey="documents"><DocumentPage /></RequireNav> };
          },
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/workbench' },
);
