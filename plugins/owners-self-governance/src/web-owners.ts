import type { WebPage } from '@linli/sdk';
import { conveners } from './permissions.js';

/**
 * A unit's owners (业主名册 → a unit): those on the roll, and those taken off
 * it with when, by whom and why. Conveners add an owner (a buyer after a sale)
 * and remove one — a row action that asks for the reason and a ticked
 * confirmation before anything changes. A unit's last owner is not removed
 * (the route says so): the buyer is added first.
 */
export function unitOwnerPages(staff: string[]): WebPage[] {
  return [
    {
      id: 'unit-owners',
      kind: 'table',
      hidden: true,
      roles: staff,
      staffOnly: true,
      title: { 'zh-CN': '房屋业主', en: "A unit's owners" },
      source: '/units/{unit}/owner-records',
      columns: [
        { field: 'name', title: { 'zh-CN': '业主', en: 'Owner' } },
        { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        { field: 'linked', title: { 'zh-CN': '账号', en: 'Account' } },
        { field: 'removedAt', title: { 'zh-CN': '移除时间', en: 'Removed' } },
        { field: 'removedBy', title: { 'zh-CN': '经办人', en: 'By' } },
        { field: 'reason', title: { 'zh-CN': '移除原因', en: 'Reason' } },
      ],
      rowActions: [{ title: { 'zh-CN': '移除业主', en: 'Remove' }, to: 'page:remove-owner?unit={unitId}&owner={id}', roles: [...conveners], when: { status: ['current'] } }],
      actions: [
        { title: { 'zh-CN': '登记业主', en: 'Add an owner' }, to: 'page:add-owner?unit={unit}', roles: [...conveners] },
        { title: { 'zh-CN': '关联账号', en: 'Link account' }, to: 'page:link-account?unit={unit}', roles: [...conveners] },
      ],
    },
    { id: 'add-owner', kind: 'form', hidden: true, roles: [...conveners], title: { 'zh-CN': '登记业主', en: 'Add an owner' }, form: 'owners-self-governance.owner', submit: '/units/{unit}/owners', next: 'page:unit-owners?unit={unit}' },
    {
      id: 'remove-owner',
      kind: 'form',
      hidden: true,
      roles: [...conveners],
      title: { 'zh-CN': '移除业主', en: 'Remove an owner' },
      form: 'owners-self-governance.remove-owner',
      // Whom the removal is about, above the reason and the confirmation.
      context: {
        source: '/units/{unit}/owners/{owner}',
        fields: [
          { field: 'unit', title: { 'zh-CN': '房屋', en: 'Unit' } },
          { field: 'name', title: { 'zh-CN': '业主', en: 'Owner' } },
          { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' } },
          // A seat on the owners' committee, or a candidacy, that the removal ends — said before anything happens.
          { field: 'committee', title: { 'zh-CN': '业委会', en: "Owners' committee" } },
        ],
      },
      submit: '/units/{unit}/owners/{owner}/removal',
      next: 'page:unit-owners?unit={unit}',
    },
  ];
}
