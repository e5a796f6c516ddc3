import type { Kysely } from 'kysely';

/**
 * What a walk of the public pages looks for (tests only): every account
 * holder's name, every phone number stored for a person or in a ticket's
 * data, and anything shaped like a phone or ID-card number.
 */
export interface PersonalData {
  names: string[];
  phones: string[];
}

export async function seededPersonalData(db: Kysely<any>): Promise<PersonalData> {
  const people = await db.selectFrom('linli_people').select(['display_name', 'phone']).execute();
  const tickets = await db.selectFrom('linli_tickets').select('data').execute();
  const phones = new Set<string>(people.map((p) => p.phone).filter((p): p is string => !!p));
  for (const t of tickets) for (const m of JSON.stringify(t.data).matchAll(/1[3-9][0-9]{9}/g)) phones.add(m[0]);
  return { names: [...new Set(people.map((p) => p.display_name).filter((n) => [...n].length >= 2))], phones: [...phones] };
}

/** What in `text` is personal data: a listed name or phone, or a number shaped like a mobile or an ID card. */
export function personalDataIn(text: string, known: PersonalData): string[] {
  const found: string[] = [];
  for (const n of known.names) if (text.includes(n)) found.push(`name ${n}`);
  for (const p of known.phones) if (text.includes(p)) found.push(`phone ${p}`);
  for (const m of text.matchAll(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g)) found.push(`mobile-shaped ${m[0]}`);
  for (const m of text.matchAll(/(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g)) found.push(`ID-card-shaped ${m[0]}`);
  return [...new Set(found)];
}
