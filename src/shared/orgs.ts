/** Organisation kinds, broadest first. Shared by server and workbench. */
export const orgKinds = [
  'region',
  'league',
  'city',
  'banner',
  'county',
  'district',
  'subdistrict',
  'town',
  'sumu',
  'township',
  'gacha',
  'village',
  'community',
  'leading_body',
  'department',
  'office',
] as const;

export type OrgKind = (typeof orgKinds)[number];

/** The kinds that are bodies, not administrative divisions (a level of government). */
export const bodyKinds: readonly OrgKind[] = ['leading_body', 'department', 'office'];

/** Whether the kind is an administrative division (region … community), not a body or department. */
export const isDivisionKind = (kind: OrgKind): boolean => !bodyKinds.includes(kind);

export const orgKindLabels: Record<OrgKind, string> = {
  region: '自治区/省',
  league: '盟/地级市',
  city: '县级市',
  banner: '旗',
  county: '县',
  district: '区',
  subdistrict: '街道',
  town: '镇',
  sumu: '苏木',
  township: '乡',
  gacha: '嘎查',
  village: '村',
  community: '社区',
  leading_body: '领导机关',
  department: '部门',
  office: '内设机构',
};

/** County-level divisions: the banners, counties and county-level cities of a league. */
export const countyLevelKinds: readonly OrgKind[] = ['city', 'banner', 'county', 'district'];
/** Township-level divisions (sumu/town/township/subdistrict). */
export const townshipLevelKinds: readonly OrgKind[] = ['subdistrict', 'town', 'sumu', 'township'];
/** Village-level divisions (gacha/village/community). */
export const villageLevelKinds: readonly OrgKind[] = ['gacha', 'village', 'community'];
