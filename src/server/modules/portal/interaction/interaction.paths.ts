/** The public paths of a site's interaction pages (`prefix` is the site's path prefix, '' for the main portal). */
export function interactionPaths(prefix: string) {
  const base = `${prefix}/interaction/`;
  return {
    home: base,
    write: (mailbox: string) => `${base}write/${mailbox}`,
    track: `${base}track`,
    message: (id: string) => `${base}messages/${id}`,
    survey: (id: string) => `${base}surveys/${id}`,
  };
}
