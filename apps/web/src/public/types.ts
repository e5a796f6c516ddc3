import type { LocalizedText } from '../api/types';

/** GET /api/public/board: the sections of one place's notice board and where each one's JSON is. */
export interface Board {
  city: LocalizedText;
  place: { id: string; name: string; type: string };
  communities: { id: string; name: string }[];
  sections: BoardSection[];
}

export interface BoardSection {
  id: string;
  title: LocalizedText;
  source: string;
  heading: string;
  fields: { field: string; title: LocalizedText; format?: 'text' | 'number' | 'percent' | 'date' | 'month' | 'money' | 'badge' }[];
  empty?: LocalizedText;
}
