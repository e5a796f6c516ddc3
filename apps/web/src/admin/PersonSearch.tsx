import { useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n';

export interface FoundPerson {
  id: string;
  name: string;
  username: string;
  disabled: boolean;
}

interface Props {
  id: string;
  chosen: FoundPerson | null;
  onChoose: (p: FoundPerson | null) => void;
}

/**
 * Picks a person by name (or username or phone) among the people the
 * administrator manages (GET /api/admin/people?q=): type a few characters,
 * search, tap one of the people found. Nobody types an id.
 */
export function PersonSearch({ id, chosen, onChoose }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<FoundPerson[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function search() {
    if (!q.trim()) return;
    setBusy(true);
    try {
      const page = await api<{ items: FoundPerson[] }>(`/api/admin/people?limit=10&q=${encodeURIComponent(q.trim())}`);
      setFound(page.items.filter((p) => !p.disabled));
    } catch {
      setFound([]);
    } finally {
      setBusy(false);
    }
  }

  if (chosen) {
    return (
      <p className="person-chosen">
        <strong>{chosen.name}</strong> <span className="muted">{chosen.username}</span>{' '}
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => onChoose(null)}>
          {t('gridAdmin.otherPerson')}
        </button>
      </p>
    );
  }
  return (
    <div>
      <div className="lookup-search row-actions">
        <input
          id={id}
          type="search"
          value={q}
          placeholder={t('gridAdmin.personHint')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" className="btn btn-secondary btn-sm" disabled={busy || !q.trim()} onClick={() => void search()}>
          {t('gridAdmin.find')}
        </button>
      </div>
      {found && found.length === 0 && <p className="muted">{t('people.empty')}</p>}
      {found && found.length > 0 && (
        <ul className="chip-list" aria-label={t('gridAdmin.found')}>
          {found.map((p) => (
            <li key={p.id}>
              <button type="button" className="chip" onClick={() => onChoose(p)}>
                {p.name}
                <span className="chip-note">{p.username}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
