/** One entry of the workbench's module navigation, declared by a server module. */
export interface NavEntry {
  /** Stable key, also the workbench route segment, e.g. `orgs`. */
  readonly key: string;
  readonly label: string;
  /** Icon name from @ant-design/icons, e.g. `ApartmentOutlined`. */
  readonly icon: string;
  /** Order in the menu; lower first. */
  readonly order: number;
  /** Shown only to holders of one of these roles; everyone signed in when absent. */
  readonly roles?: readonly string[];
}

/** The entries a user holding `roles` may see. The server enforces the same on every route. */
export function navFor(entries: readonly NavEntry[], roles: readonly string[]): NavEntry[] {
  return entries.filter((entry) => !entry.roles || entry.roles.some((role) => roles.includes(role)));
}
