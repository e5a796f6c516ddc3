import { describe, expect, it } from 'vitest';
import { childPath, isWithin, parentPath, pathIds, subtreePattern } from './path.js';

describe('childPath', () => {
  it('starts the root at /id/', () => {
    expect(childPath(null, 1)).toBe('/1/');
    expect(childPath(null, '1')).toBe('/1/');
  });

  it('appends the id to the parent path', () => {
    expect(childPath('/1/', 4)).toBe('/1/4/');
    expect(childPath('/1/4/', '17')).toBe('/1/4/17/');
  });

  it('builds paths that nest', () => {
    const street = childPath(childPath(null, 1), 2);
    const community = childPath(street, 3);
    expect(community).toBe('/1/2/3/');
    expect(isWithin(community, street)).toBe(true);
  });
});

describe('isWithin', () => {
  it('is true for the path itself', () => {
    expect(isWithin('/1/4/', '/1/4/')).toBe(true);
  });

  it('is true for any descendant', () => {
    expect(isWithin('/1/4/17/', '/1/4/')).toBe(true);
    expect(isWithin('/1/4/17/90/', '/1/')).toBe(true);
  });

  it('is false for an ancestor', () => {
    expect(isWithin('/1/', '/1/4/')).toBe(false);
  });

  it('is false for a sibling, including one whose id starts with the same digits', () => {
    expect(isWithin('/1/5/', '/1/4/')).toBe(false);
    expect(isWithin('/1/41/', '/1/4/')).toBe(false);
    expect(isWithin('/1/41/7/', '/1/4/')).toBe(false);
  });

  it('is false for another tree', () => {
    expect(isWithin('/2/4/', '/1/4/')).toBe(false);
  });
});

describe('subtreePattern', () => {
  it('turns a path into a LIKE prefix pattern', () => {
    expect(subtreePattern('/1/4/')).toBe('/1/4/%');
    expect(subtreePattern('/1/')).toBe('/1/%');
    expect(subtreePattern('/')).toBe('/%');
  });

  it.each([
    ['a path without the trailing slash', '/1/4'],
    ['a path without the leading slash', '1/4/'],
    ['an empty string', ''],
    ['a LIKE wildcard', '/1/%/'],
    ['an underscore wildcard', '/1/_/'],
    ['letters', '/1/abc/'],
    ['an SQL injection attempt', "/1/' OR 1=1 --/"],
    ['a doubled slash', '/1//4/'],
  ])('rejects %s', (_label, input) => {
    expect(() => subtreePattern(input)).toThrow(`Not an org path: ${input}`);
  });
});

describe('pathIds', () => {
  it('lists the ids root first', () => {
    expect(pathIds('/1/4/17/')).toEqual(['1', '4', '17']);
  });

  it('lists one id for a root and none for /', () => {
    expect(pathIds('/1/')).toEqual(['1']);
    expect(pathIds('/')).toEqual([]);
  });

  it('round-trips with childPath', () => {
    const ids = ['3', '14', '159'];
    const path = ids.reduce<string | null>((p, id) => childPath(p, id), null);
    expect(path).toBe('/3/14/159/');
    expect(pathIds(path as string)).toEqual(ids);
  });
});

describe('parentPath', () => {
  it('drops the last id, and leaves the root as it is', () => {
    expect(parentPath('/1/4/17/')).toBe('/1/4/');
    expect(parentPath('/1/4/')).toBe('/1/');
    expect(parentPath('/1/')).toBe('/1/');
  });
});
