import { localizedTextSchema } from '../i18n.js';
import { calendarSchema } from './calendar.js';
import { escalationSchema } from './escalation.js';
import { formSchema } from './form.js';
import { notificationsSchema } from './notifications.js';
import { orgAttributeSchema } from './org-attributes.js';
import { overridesSchema } from './overrides.js';
import { routingSchema } from './routing.js';
import { ssoSchema } from './sso.js';
import { workflowSchema } from './workflow.js';

const keyPattern = '^[a-z0-9][a-z0-9_-]*$';

export const orgTypeSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    title: localizedTextSchema,
    kind: { enum: ['level', 'side'], description: 'level: a node of the city tree; side: an organization attached to a node' },
    parents: { type: 'array', items: { type: 'string' }, description: 'Org types this type may be placed under (empty: only the root)' },
  },
  required: ['id', 'title', 'kind'],
  additionalProperties: false,
} as const;

export const roleSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    title: localizedTextSchema,
    heldAt: { enum: ['org', 'grid'], description: 'org: scoped to an org and its subtree; grid: scoped to the orgs a grid covers' },
    admin: { type: 'boolean', description: 'May change orgs, people and roles within its scope' },
    personalData: {
      type: 'boolean',
      description: 'Needs residents\' personal data (fields marked x-linli-sensitive) unmasked in ticket details, within its scope; every such read is audited',
    },
    ticketScope: {
      enum: ['subtree', 'host', 'own'],
      description:
        'subtree (default): sees the tickets of the orgs in its scope; host: held at a side organization, it acts for the org that side organization is attached to and its subtree (a residents\' committee for its community); own: only tickets it filed or is assigned (residents, volunteers)',
    },
  },
  required: ['id', 'title'],
  additionalProperties: false,
} as const;

/** One organization in the config tree; `children` and `side` nest (see OrgNodeConfig). */
export const orgNodeSchema = {
  type: 'object',
  properties: {
    key: { type: 'string', pattern: keyPattern, description: 'Stable id used by references in this file and by seeding' },
    type: { type: 'string' },
    name: { type: 'string', minLength: 1 },
    nameEn: { type: 'string' },
    children: { type: 'array', items: { $ref: '#/$defs/org' } },
    side: { type: 'array', items: { $ref: '#/$defs/org' }, description: 'Side-organizations attached to this node' },
  },
  required: ['key', 'type', 'name'],
  additionalProperties: false,
} as const;

/** A GeoJSON position (RFC 7946): [longitude, latitude] in WGS-84 degrees. */
const positionSchema = {
  type: 'array',
  items: [
    { type: 'number', minimum: -180, maximum: 180 },
    { type: 'number', minimum: -90, maximum: 90 },
  ],
  minItems: 2,
  maxItems: 2,
} as const;

/** A closed ring: at least four positions, the last equal to the first. */
const ringSchema = { type: 'array', items: positionSchema, minItems: 4 } as const;
const polygonCoordinatesSchema = { type: 'array', items: ringSchema, minItems: 1, description: 'The outer ring, then any holes' } as const;

/** A grid's boundary: a GeoJSON Polygon or MultiPolygon geometry, WGS-84 as GeoJSON requires. */
export const boundarySchema = {
  description:
    "The grid's boundary as a GeoJSON geometry (RFC 7946: [longitude, latitude] in WGS-84; a map drawn on GCJ-02 tiles such as AMap must be converted first). A report with a point inside it goes to this grid.",
  oneOf: [
    {
      type: 'object',
      properties: { type: { const: 'Polygon' }, coordinates: polygonCoordinatesSchema },
      required: ['type', 'coordinates'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'MultiPolygon' }, coordinates: { type: 'array', items: polygonCoordinatesSchema, minItems: 1 } },
      required: ['type', 'coordinates'],
      additionalProperties: false,
    },
  ],
} as const;

export const gridConfigSchema = {
  type: 'object',
  properties: {
    key: { type: 'string', pattern: keyPattern },
    name: { type: 'string', minLength: 1 },
    org: { type: 'string', description: 'Key of the org the grid belongs to (usually a community)' },
    covers: {
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      description: 'Keys of the compounds or buildings in the grid; a report placed in the grid by its point, at a place the grid does not cover, is filed at the first',
    },
    boundary: boundarySchema,
  },
  required: ['key', 'name', 'org', 'covers'],
  additionalProperties: false,
} as const;

export const personConfigSchema = {
  type: 'object',
  properties: {
    username: { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]{1,63}$' },
    name: { type: 'string', minLength: 1 },
    phone: { type: 'string', pattern: '^[0-9+ -]{5,20}$', description: 'Mobile number (手机号): SMS notices go here' },
    email: { type: 'string', format: 'email', maxLength: 254, description: 'E-mail notices go here' },
    wecomUserId: { type: 'string', pattern: '^[A-Za-z0-9_.@-]{1,64}$', description: 'WeCom (企业微信) user id, for application messages' },
    locale: { enum: ['zh-CN', 'en'], description: 'Language of the notices sent to this person (default zh-CN)' },
    roles: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          role: { type: 'string' },
          org: { type: 'string', description: 'Key of the org the role is held at' },
          grid: { type: 'string', description: 'Key of the grid, for grid roles' },
        },
        required: ['role'],
        additionalProperties: false,
      },
    },
  },
  required: ['username', 'name', 'roles'],
  additionalProperties: false,
} as const;

/**
 * The web app's maps: where they open and which tiles they draw. Nothing is
 * built in: without `tiles` the maps still work (a blank canvas with the
 * pins and grid boundaries), which is also how tests run.
 */
export const mapSchema = {
  type: 'object',
  description: "The web app's maps (report pin picker, staff map of open tickets): view and tile source",
  properties: {
    center: {
      type: 'object',
      description: 'Where maps open, WGS-84 degrees',
      properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lng: { type: 'number', minimum: -180, maximum: 180 } },
      required: ['lat', 'lng'],
      additionalProperties: false,
    },
    zoom: { type: 'integer', minimum: 1, maximum: 20, description: 'Zoom level maps open at (default 15)' },
    tiles: {
      type: 'object',
      description: 'A raster tile source (Tianditu 天地图, AMap 高德, an internal tile server)',
      properties: {
        url: {
          type: 'string',
          minLength: 1,
          description: 'Tile URL template with {z}, {x}, {y} and optionally {s} (subdomain), e.g. https://t{s}.tianditu.gov.cn/vec_w/wmts?…&TILECOL={x}&TILEROW={y}&TILEMATRIX={z}&tk=KEY',
        },
        subdomains: { type: 'string', description: 'Characters substituted for {s}, e.g. "01234567" for Tianditu, "1234" for AMap' },
        attribution: { type: 'string', minLength: 1, description: 'Credit shown on the map, as the provider requires (e.g. 天地图 GS(2024)0568号)' },
        crs: {
          enum: ['wgs84', 'gcj02'],
          description: "The tiles' coordinate system: wgs84 (Tianditu, OpenStreetMap; CGCS2000 is within centimetres) or gcj02 (AMap, Tencent). Points are stored in WGS-84; the web app converts for GCJ-02 tiles.",
        },
        maxZoom: { type: 'integer', minimum: 1, maximum: 22 },
      },
      required: ['url', 'attribution', 'crs'],
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

/** A city deployment: `linli.config.json`. */
export const cityConfigSchema = {
  $id: 'https://linli.dev/schemas/linli.config.json',
  title: 'Linli city deployment config',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: keyPattern },
    title: localizedTextSchema,
    orgTypes: { type: 'array', items: orgTypeSchema, description: 'Replaces the default org types when given' },
    roles: { type: 'array', items: roleSchema, description: 'Added to the default roles' },
    orgAttributes: { type: 'array', items: orgAttributeSchema, description: 'Classifications of orgs (compound type…) that routing and workflows may depend on' },
    orgs: { $ref: '#/$defs/org' },
    grids: { type: 'array', items: gridConfigSchema },
    people: { type: 'array', items: personConfigSchema, description: 'Staff accounts; created by demo seeding' },
    plugins: {
      type: 'object',
      description: 'Plugins to enable, by name, with their options',
      additionalProperties: { type: 'object' },
    },
    workflows: { type: 'array', items: workflowSchema, description: 'Workflows defined in this file, besides those from plugins' },
    forms: { type: 'array', items: formSchema },
    calendar: calendarSchema,
    routing: routingSchema,
    escalation: escalationSchema,
    notifications: notificationsSchema,
    registration: {
      type: 'object',
      description: "Residents register themselves with a mobile number and a one-time SMS code (sent by notifications.sms, or logged by the development provider)",
      properties: {
        enabled: { type: 'boolean' },
        confirm: { type: 'boolean', description: "Staff administering the compound confirm each account before it can log in (default true)" },
        orgTypes: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true, description: 'Org types a resident may register at (default ["compound"])' },
      },
      required: ['enabled'],
      additionalProperties: false,
    },
    sso: ssoSchema,
    overrides: overridesSchema,
    map: mapSchema,
  },
  required: ['name', 'title', 'orgs'],
  additionalProperties: false,
  $defs: { org: orgNodeSchema },
} as const;
