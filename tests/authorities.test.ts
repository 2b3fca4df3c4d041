// db/authorities.csv covers every children's services authority, and work emails match by domain only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { authorityDomains } from '../db/schema.ts';
import { readAreasCsv } from '../server/areas/seed.ts';
import { authorityAcceptsEmail, emailDomain, readAuthoritiesCsv, seedAuthorityDomains } from '../server/areas/authorities.ts';
import { makeApp, type TestApp } from './helpers/app.ts';

const areas = readAreasCsv();
const authorities = readAuthoritiesCsv();

describe('db/authorities.csv', () => {
  it('gives every authority in areas.csv at least one domain, under the same name and nation', () => {
    const byName = new Map(authorities.map((a) => [a.authority, a]));
    const missing = [...new Set(areas.map((a) => a.authority))].filter((name) => !byName.get(name)?.domains.length);
    expect(missing).toEqual([]);
    for (const area of areas) expect(byName.get(area.authority)?.nation, area.authority).toBe(area.nation);
  });

  it('names no authority that areas.csv does not have, and each once', () => {
    const known = new Set(areas.map((a) => a.authority));
    expect(authorities.filter((a) => !known.has(a.authority)).map((a) => a.authority)).toEqual([]);
    expect(new Set(authorities.map((a) => a.authority)).size).toBe(authorities.length);
  });

  it('has the 153 English, 22 Welsh and 32 Scottish councils and the 5 Northern Ireland trusts', () => {
    const per = (nation: string) => authorities.filter((a) => a.nation === nation).length;
    expect([per('England'), per('Wales'), per('Scotland'), per('Northern Ireland')]).toEqual([153, 22, 32, 5]);
    expect(
      authorities
        .filter((a) => a.nation === 'Northern Ireland')
        .map((a) => a.authority)
        .sort(),
    ).toEqual(['Belfast HSC Trust', 'Northern HSC Trust', 'South Eastern HSC Trust', 'Southern HSC Trust', 'Western HSC Trust']);
  });

  it('lists no shared suffix that would let in every public body (gov.uk, hscni.net, nhs.net …)', () => {
    const shared = new Set([
      'gov.uk',
      'gov.scot',
      'gov.wales',
      'llyw.cymru',
      'hscni.net',
      'nhs.net',
      'nhs.uk',
      'nhs.scot',
      'org.uk',
      'co.uk',
    ]);
    for (const a of authorities) for (const d of a.domains) expect(shared.has(d), `${a.authority}: ${d}`).toBe(false);
  });

  it("shares a domain between authorities only where one children's trust or shared service serves both", () => {
    const owners = new Map<string, string[]>();
    for (const a of authorities) for (const d of a.domains) owners.set(d, [...(owners.get(d) ?? []), a.authority]);
    const shared = [...owners]
      .filter(([, o]) => o.length > 1)
      .map(([d]) => d)
      .sort();
    expect(shared).toEqual(['achievingforchildren.org.uk', 'nctrust.co.uk', 'richmondandwandsworth.gov.uk']);
  });
});

describe('authorityAcceptsEmail', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(() => app.close());

  it('was seeded at start-up with every domain, and seeding again changes nothing', () => {
    const total = authorities.reduce((n, a) => n + a.domains.length, 0);
    expect(app.db.select({ n: count() }).from(authorityDomains).get()?.n).toBe(total);
    const before = app.db.select().from(authorityDomains).all();
    expect(seedAuthorityDomains(app.db)).toEqual({ domains: total });
    expect(app.db.select().from(authorityDomains).all()).toEqual(before);
  });

  it.each([
    ['East Sussex', 'jane.smith@eastsussex.gov.uk'],
    ['East Sussex', 'Jane.Smith@EastSussex.GOV.UK'],
    ['East Sussex', ' jane@eastsussex.gov.uk '],
    ['East Sussex', 'jane@childrens.eastsussex.gov.uk'],
    ['East Sussex', 'jane@eastsussex.gov.uk.'],
    ['Sefton', 'a.worker@sefton.gov.uk'],
    ['Cardiff', 'gweithiwr@caerdydd.gov.uk'],
    ['Isle of Anglesey', 'worker@ynysmon.llyw.cymru'],
    ['Highland', 'worker@highland.gov.uk'],
    ['Belfast HSC Trust', 'worker@belfasttrust.hscni.net'],
    ['North Northamptonshire', 'worker@nctrust.co.uk'],
    ['West Northamptonshire', 'worker@nctrust.co.uk'],
  ])('%s accepts %s', (authority, email) => {
    expect(authorityAcceptsEmail(app.db, authority, email)).toBe(true);
  });

  it.each([
    ['East Sussex', 'jane@eastsussex.gov.uk.evil.com', 'a look-alike with the real domain at the front'],
    ['East Sussex', 'jane@evileastsussex.gov.uk', 'a look-alike that ends in the real domain'],
    ['East Sussex', 'jane@east-sussex.gov.uk', 'a near miss'],
    ['East Sussex', 'jane@westsussex.gov.uk', "another authority's domain"],
    ['East Sussex', 'jane@gov.uk', 'the shared suffix'],
    ['East Sussex', 'eastsussex.gov.uk@gmail.com', 'the domain as the local part'],
    ['East Sussex', 'jane@eastsussex.gov.uk@gmail.com', 'two @ signs'],
    ['East Sussex', 'jane@gmail.com', 'a personal address'],
    ['East Sussex', 'eastsussex.gov.uk', 'no @ at all'],
    ['East Sussex', '@eastsussex.gov.uk', 'nothing before the @'],
    ['East Sussex', 'jane@eastsussеx.gov.uk', 'a Cyrillic е in the domain'],
    ['East Sussex', 'jane <jane@eastsussex.gov.uk>', 'a display name'],
    ['Belfast HSC Trust', 'worker@northerntrust.hscni.net', "another trust's domain"],
    ['Belfast HSC Trust', 'worker@hscni.net', 'the shared HSC domain'],
    ['Nowhere', 'jane@eastsussex.gov.uk', 'an authority that does not exist'],
  ])('%s refuses %s (%s)', (authority, email) => {
    expect(authorityAcceptsEmail(app.db, authority, email)).toBe(false);
  });

  it('reads the domain of an address once, in one place', () => {
    expect(emailDomain('A@Sub.Example.ORG')).toBe('sub.example.org');
    expect(emailDomain('a@b')).toBeUndefined();
  });
});
