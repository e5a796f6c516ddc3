import { describe, expect, it } from 'vitest';
import { serviceStationsPlugin } from './plugin.js';
import { fiveHaves, readSettings, validateOptions } from './settings.js';

const city = {} as Parameters<typeof validateOptions>[1];

describe('service-stations options', () => {
  it('default to the five haves and quarterly inspections by the street', () => {
    const s = readSettings({});
    expect(s.checklist.map((c) => c.title)).toEqual(['有场所标识', '有专人管理', '有工作制度', '有办公设备', '有工作台账']);
    expect([s.period, s.inspectorRoles]).toEqual(['quarter', ['station_inspector', 'street_secretary']]);
  });

  it('refuse a checklist key or a station listed twice, with the path', () => {
    const problems = validateOptions(
      {
        checklist: [{ key: 'office', title: '有办公室' }, { key: 'sign', title: '有统一标识' }, { key: 'office', title: '有办公设备' }],
        stations: [{ org: 'hepan', name: '河畔家园党群服务站' }, { org: 'hepan', name: '河畔家园党群服务站' }],
      },
      city,
    );
    expect(problems.map((p) => p.path)).toEqual(['/checklist/2/key', '/stations/1']);
    expect(validateOptions({ checklist: [...fiveHaves] }, city)).toEqual([]);
  });

  it('build the inspection form from the city’s checklist (四有 here)', () => {
    const fourHaves = [{ key: 'office', title: '有办公室' }, { key: 'sign', title: '有统一标识' }, { key: 'equipment', title: '有办公设备' }, { key: 'rules', title: '有工作制度' }];
    const forms = (serviceStationsPlugin.forms as (o: Record<string, unknown>) => { id: string; schema: { properties: { items?: { required: string[] } } } }[])({ checklist: fourHaves });
    const inspection = forms.find((f) => f.id === 'service-stations.inspection')!;
    expect(inspection.schema.properties.items!.required).toEqual(['office', 'sign', 'equipment', 'rules']);
  });
});
