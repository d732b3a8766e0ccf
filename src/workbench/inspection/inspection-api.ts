/** Self-inspection (网站自查): the overview of sites, a site's latest result, a re-run. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from '../api/client.js';
import type { components } from '../api/schema.js';

export type SiteInspection = components['schemas']['SiteInspection'];
export type InspectionOverview = components['schemas']['InspectionOverview'];
export type OverviewRow = InspectionOverview['items'][number];
export type Indicator = NonNullable<SiteInspection['latest']>['result']['indicators'][number];
export type Finding = Indicator['findings'][number];

const key = ['inspection'] as const;

export function useInspectionOverview() {
  return useQuery({
    queryKey: [...key, 'overview'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/portal/inspection/sites', { signal })),
    staleTime: 10_000,
  });
}

export function useSiteInspection(siteId: string | undefined) {
  return useQuery({
    queryKey: [...key, 'site', siteId],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/portal/inspection/sites/{siteId}', { params: { path: { siteId: siteId! } }, signal })),
    enabled: Boolean(siteId),
  });
}

export function useRunInspection() {
  return useMutation({
    mutationFn: (siteId: string) => unwrap(api.POST('/api/v1/portal/inspection/sites/{siteId}/run', { params: { path: { siteId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
