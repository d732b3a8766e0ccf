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
        {
          path: 'documents/search',
          lazy: async () => {
            const { SearchPage } = await import('./documents/search-page.js');
            return { element: <RequireNav navKey="documents"><SearchPage /></RequireNav> };
          },
        },
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
        // 网站管理: articles, columns and sites; the article pages load the editor (TipTap) only when opened.
        {
          path: 'portal',
          lazy: async () => {
            const { PortalPage } = await import('./portal/portal-page.js');
            return { element: <RequireNav navKey="portal"><PortalPage /></RequireNav> };
          },
        },
        {
          path: 'portal/articles/new',
          lazy: async () => {
            const { ArticleEditPage } = await import('./portal/article-edit-page.js');
            return { element: <RequireNav navKey="portal"><ArticleEditPage /></RequireNav> };
          },
        },
        {
          path: 'portal/articles/:id/edit',
          lazy: async () => {
            const { ArticleEditPage } = await import('./portal/article-edit-page.js');
            return { element: <RequireNav navKey="portal"><ArticleEditPage /></RequireNav> };
          },
        },
        {
          path: 'portal/articles/:id',
          lazy: async () => {
            const { ArticlePage } = await import('./portal/article-page.js');
            return { element: <RequireNav navKey="portal"><ArticlePage /></RequireNav> };
          },
        },
        // 信息公开: catalogue, guide and rules, requests (依申请公开) and annual reports, loaded when opened.
        {
          path: 'disclosure',
          lazy: async () => {
            const { DisclosurePage } = await import('./disclosure/disclosure-page.js');
            return { element: <RequireNav navKey="disclosure"><DisclosurePage /></RequireNav> };
          },
        },
        {
          path: 'disclosure/requests/:id',
          lazy: async () => {
            const { RequestPage } = await import('./disclosure/request-page.js');
            return { element: <RequireNav navKey="disclosure"><RequestPage /></RequireNav> };
          },
        },
        {
          path: 'disclosure/reports/:id',
          lazy: async () => {
            const { ReportPage } = await import('./disclosure/report-page.js');
            return { element: <RequireNav navKey="disclosure"><ReportPage /></RequireNav> };
          },
        },
        // 网站自查: the overview of sites and one site's dashboard.
        {
          path: 'inspection',
          lazy: async () => {
            const { InspectionPage } = await import('./inspection/inspection-page.js');
            return { element: <RequireNav navKey="inspection"><InspectionPage /></RequireNav> };
          },
        },
        {
          path: 'inspection/sites/:siteId',
          lazy: async () => {
            const { SiteInspectionPage } = await import('./inspection/site-inspection-page.js');
            return { element: <RequireNav navKey="inspection"><SiteInspectionPage /></RequireNav> };
          },
        },
        // 政务服务事项: an organisation's items and their 办事指南, loaded when opened.
        {
          path: 'services',
          lazy: async () => {
            const { ServicesPage } = await import('./services/services-page.js');
            return { element: <RequireNav navKey="services"><ServicesPage /></RequireNav> };
          },
        },
        // 互动交流: the message inbox, statistics and surveys; one message; a survey and its editor.
        ...(
          [
            ['interaction', async () => (await import('./interaction/interaction-page.js')).InteractionPage],
            ['interaction/messages/:id', async () => (await import('./interaction/message-page.js')).MessagePage],
            ['interaction/surveys/new', async () => (await import('./interaction/survey-edit-page.js')).SurveyEditPage],
            ['interaction/surveys/:id/edit', async () => (await import('./interaction/survey-edit-page.js')).SurveyEditPage],
            ['interaction/surveys/:id', async () => (await import('./interaction/survey-page.js')).SurveyPage],
          ] as const
        ).map(([path, load]) => ({
          path,
          lazy: async () => {
            const Page = await load();
            return { element: <RequireNav navKey="interaction"><Page /></RequireNav> };
          },
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/workbench' },
);
