/** 互动交流: citizens' messages and their handling, statistics, surveys and calls for opinions. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from './client.js';
import type { components, operations } from './schema.js';

export type InteractionSite = components['schemas']['InteractionSite'];
export type PortalMessage = components['schemas']['PortalMessage'];
export type PortalMessageSummary = components['schemas']['PortalMessageSummary'];
export type PortalMessageEvent = components['schemas']['PortalMessageEvent'];
export type InteractionStatistics = components['schemas']['InteractionStatistics'];
export type Survey = components['schemas']['Survey'];
export type SurveySummary = operations['listSurveys']['responses'][200]['content']['application/json']['items'][number];
export type SurveyResults = components['schemas']['SurveyResults'];
export type MessageListQuery = NonNullable<operations['listPortalMessages']['parameters']['query']>;
export type SurveyBody = operations['createSurvey']['requestBody']['content']['application/json'];
export type SurveyUpdateBody = operations['updateSurvey']['requestBody']['content']['application/json'];
export type TriageBody = operations['triagePortalMessage']['requestBody']['content']['application/json'];

const root = ['interaction'] as const;
const keys = {
  sites: [...root, 'sites'] as const,
  messages: [...root, 'messages'] as const,
  message: (id: string) => [...root, 'message', id] as const,
  statistics: (siteId: string) => [...root, 'statistics', siteId] as const,
  surveys: (siteId: string) => [...root, 'surveys', siteId] as const,
  survey: (id: string) => [...root, 'survey', id] as const,
  results: (id: string) => [...root, 'results', id] as const,
};

/** The sites whose interaction area the user handles (editors, reviewers, IT office); empty for units. */
export function useInteractionSites() {
  return useQuery({
    queryKey: keys.sites,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/interaction/sites', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function usePortalMessages(query: MessageListQuery) {
  return useQuery({
    queryKey: [...keys.messages, query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/interaction/messages', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePortalMessage(id: string) {
  return useQuery({
    queryKey: keys.message(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/interaction/messages/{id}', { params: { path: { id } }, signal })),
  });
}

/** Every step answers the message as it now is: keep it, and let the lists and statistics reload. */
function refreshMessage(message: PortalMessage) {
  queryClient.setQueryData(keys.message(message.id), message);
  void queryClient.invalidateQueries({ queryKey: keys.messages });
  void queryClient.invalidateQueries({ queryKey: keys.statistics(message.siteId) });
}

/** One handling step of a message, with the body that step takes. */
export type MessageCommand =
  | { step: 'triage'; body: TriageBody }
  | { step: 'route'; body: { unitOrgId: string; note?: string } }
  | { step: 'send-back' | 'reject'; body: { reason: string } }
  | { step: 'draft'; body: { answer: string } }
  | { step: 'approve'; body: { note?: string } }
  | { step: 'publish' };

function runStep(id: string, command: MessageCommand): Promise<PortalMessage> {
  const path = { params: { path: { id } } };
  switch (command.step) {
    case 'triage':
      return unwrap(api.POST('/api/v1/interaction/messages/{id}/triage', { ...path, body: command.body }));
    case 'route':
      return unwrap(api.POST('/api/v1/interaction/messages/{id}/route', { ...path, body: command.body }));
    case 'send-back':
      return unwrap(api.POST('/api/v1/interaction/messages/{id}/send-back', { ...path, body: command.body }));
    case 'reject':
      return unwrap(api.POST('/api/v1/interaction/messages/{id}/reject', { ...path, body: command.body }));
    case 'draft':
      return unwrap(api.POST('/api/v1/interaction/messages/{id}/draft', { ...path, body: command.body }));
    case 'approve':
      return unwrap(api.POST('/api/v1/interaction/messages/{id}/approve', { ...path, body: command.body }));
    case 'publish':
      return unwrap(api.POST('/api/v1/interaction/messages/{id}/publish', path));
  }
}

/** The writer's full phone number, for a call back; the server records each reveal in the audit log. */
export function useRevealContact(id: string) {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/interaction/messages/{id}/contact', { params: { path: { id } } })) });
}

export function useMessageStep(id: string) {
  return useMutation({ mutationFn: (command: MessageCommand) => runStep(id, command), onSuccess: refreshMessage });
}

export function useInteractionStatistics(siteId: string | undefined) {
  return useQuery({
    queryKey: keys.statistics(siteId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/interaction/statistics', { params: { query: { siteId: siteId ?? '' } }, signal })),
    enabled: Boolean(siteId),
  });
}

// ── Surveys and calls for opinions ───────────────────────────────────────────────────────────────

export function useSurveys(siteId: string | undefined) {
  return useQuery({
    queryKey: keys.surveys(siteId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/interaction/surveys', { params: { query: { siteId: siteId ?? '' } }, signal })),
    enabled: Boolean(siteId),
  });
}

export function useSurvey(id: string | undefined) {
  return useQuery({
    queryKey: keys.survey(id ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/interaction/surveys/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

export function useSurveyResults(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.results(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/interaction/surveys/{id}/results', { params: { path: { id } }, signal })),
    enabled,
  });
}

function refreshSurvey(survey: Survey) {
  queryClient.setQueryData(keys.survey(survey.id), survey);
  void queryClient.invalidateQueries({ queryKey: keys.surveys(survey.siteId) });
}

export function useCreateSurvey() {
  return useMutation({
    mutationFn: (body: SurveyBody) => unwrap(api.POST('/api/v1/interaction/surveys', { body })),
    onSuccess: refreshSurvey,
  });
}

export function useUpdateSurvey(id: string) {
  return useMutation({
    mutationFn: (body: SurveyUpdateBody) => unwrap(api.PUT('/api/v1/interaction/surveys/{id}', { params: { path: { id } }, body })),
    onSuccess: refreshSurvey,
  });
}

export type SurveyCommand = { step: 'submit' | 'approve' } | { step: 'reject'; reason: string } | { step: 'feedback'; feedback: string };

function runSurveyStep(id: string, command: SurveyCommand): Promise<Survey> {
  const path = { params: { path: { id } } };
  switch (command.step) {
    case 'submit':
      return unwrap(api.POST('/api/v1/interaction/surveys/{id}/submit', path));
    case 'approve':
      return unwrap(api.POST('/api/v1/interaction/surveys/{id}/approve', path));
    case 'reject':
      return unwrap(api.POST('/api/v1/interaction/surveys/{id}/reject', { ...path, body: { reason: command.reason } }));
    case 'feedback':
      return unwrap(api.PUT('/api/v1/interaction/surveys/{id}/feedback', { ...path, body: { feedback: command.feedback } }));
  }
}

export function useSurveyStep(id: string) {
  return useMutation({ mutationFn: (command: SurveyCommand) => runSurveyStep(id, command), onSuccess: refreshSurvey });
}

/** 审核 one free-text answer: approved ones are shown with the public results. */
export function useModerateAnswer(surveyId: string) {
  return useMutation({
    mutationFn: ({ answerId, approved }: { answerId: string; approved: boolean }) =>
      unwrap(api.POST('/api/v1/interaction/surveys/{id}/answers/{answerId}/moderate', { params: { path: { id: surveyId, answerId } }, body: { approved } })),
    onSuccess: (results) => queryClient.setQueryData(keys.results(surveyId), results),
  });
}
