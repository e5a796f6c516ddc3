import { lookup, orgPicker, type FormDefinition, type FromSchema } from '@linli/sdk';

const id = { type: 'string', pattern: '^[0-9]{1,10}$' } as const;

/** 新建服务站: a station at a compound or a community, added by the community when the city config does not list it. */
export const stationSchema = {
  type: 'object',
  title: '新建服务站',
  properties: {
    orgId: { ...id, title: '所在小区或社区' },
    name: { type: 'string', title: '站点名称', minLength: 2, maxLength: 60 },
    place: { type: 'string', title: '位置', maxLength: 100 },
  },
  required: ['orgId', 'name'],
  additionalProperties: false,
} as const;
export type StationInput = FromSchema<typeof stationSchema>;

export const stationForm: FormDefinition = {
  id: 'service-stations.station',
  title: { 'zh-CN': '新建服务站', en: 'Add a station' },
  schema: stationSchema,
  uiSchema: { orgId: orgPicker({ types: ['compound', 'community'], search: true }), name: { 'ui:placeholder': '如：河畔家园党群服务站' }, place: { 'ui:placeholder': '如：3栋架空层' } },
  translations: { en: { '/': 'Add a station', '/orgId': 'Compound or community', '/name': 'Name', '/name@placeholder': 'e.g. Hepan station', '/place': 'Where', '/place@placeholder': 'e.g. ground floor of building 3' } },
};

/** 发起检查: opens this period's inspection of a station by hand (the job opens every station's at the start of a period). */
export const openInspectionSchema = {
  type: 'object',
  title: '发起检查',
  properties: { stationId: { ...id, title: '服务站' } },
  required: ['stationId'],
  additionalProperties: false,
} as const;
export type OpenInspectionInput = FromSchema<typeof openInspectionSchema>;

export const openInspectionForm: FormDefinition = {
  id: 'service-stations.open-inspection',
  title: { 'zh-CN': '发起检查', en: 'Open an inspection' },
  schema: openInspectionSchema,
  uiSchema: { stationId: lookup({ source: '/api/plugins/service-stations/stations', label: '{name}（{orgName}）', search: true }) },
  translations: { en: { '/': 'Open an inspection', '/stationId': 'Station' } },
};
