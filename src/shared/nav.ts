/** One entry of the workbench's module navigation, declared by a server module. */
export interface NavEntry {
  /** Stable key, also the workbench route segment, e.g. `orgs`. */
  readonly key: string;
  readonly label: string;
  /** Icon name from @ant-design/icons, e.g. `ApartmentOutlined`. */
  readonly icon: string;
  /** Order in the menu; lower first. */
  readonly order: number;
}
