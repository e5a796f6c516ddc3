import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n';
import { acceptedTypes, maxPhotoBytes, prepareForUpload, PhotoRejected } from './photo-file';

interface Pending {
  key: number;
  preview: string;
  name: string;
  error?: string;
}

let seq = 0;

/**
 * 随手拍: take or pick photos, upload each at once, keep their ids in the
 * field (an array of attachment id strings). The file input opens the rear
 * camera on phones; each photo shows as a thumbnail that can be removed.
 */
export function PhotosWidget(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly, schema, rawErrors } = props;
  const { t } = useI18n();
  // Only real attachment ids: an empty slot (a form filling a required array to its minItems) is no photo.
  const ids: string[] = Array.isArray(value) ? (value as unknown[]).filter((v): v is string => typeof v === 'string' && v !== '') : [];
  const latest = useRef(ids);
  latest.current = ids;
  const [pending, setPending] = useState<Pending[]>([]);
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : 6;
  const room = max - ids.length - pending.filter((p) => !p.error).length;
  const hintId = `${id}__hint`;

  // Local previews are object URLs: release them when the tile goes away.
  const previews = useRef(new Set<string>());
  useEffect(() => () => previews.current.forEach((u) => URL.revokeObjectURL(u)), []);

  async function addFiles(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])].slice(0, Math.max(0, room));
    e.target.value = '';
    // A new try replaces the last failure: the field shows one current error, not a pile of old ones.
    setPending((p) => p.filter((x) => !x.error));
    for (const file of files) {
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      const item: Pending = { key: ++seq, preview, name: file.name };
      setPending((p) => [...p, item]);
      try {
        const body = await prepareForUpload(file);
        const saved = await api<{ id: string }>('/api/attachments', { body });
        const next = [...latest.current, saved.id];
        latest.current = next;
        onChange(next);
        setPending((p) => p.filter((x) => x.key !== item.key));
      } catch (err) {
        const message =
          err instanceof PhotoRejected
            ? t(`photos.${err.reason}`, { mb: maxPhotoBytes / 1024 / 1024 })
            : err instanceof ApiError && err.status === 413
              ? t('photos.tooLarge', { mb: maxPhotoBytes / 1024 / 1024 })
              : err instanceof ApiError && err.status === 415
                ? t('photos.wrongType')
                : t('photos.failed');
        setPending((p) => p.filter((x) => !x.error || x.key === item.key).map((x) => (x.key === item.key ? { ...x, error: message } : x)));
      }
    }
  }

  const remove = (photo: string) => onChange(latest.current.filter((x) => x !== photo));
  const dismiss = (key: number) => setPending((p) => p.filter((x) => x.key !== key));
  const locked = disabled || readonly;

  return (
    <div className="photos" aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}>
      <ul className="photo-grid">
        {ids.map((photo, i) => (
          <li key={photo} className="photo-tile">
            <img src={`/api/attachments/${encodeURIComponent(photo)}`} alt={t('photos.alt', { n: i + 1 })} loading="lazy" />
            {!locked && (
              <button type="button" className="photo-remove" onClick={() => remove(photo)} aria-label={t('photos.remove', { n: i + 1 })}>
                <Icon name="close" size={16} />
              </button>
            )}
          </li>
        ))}
        {pending.map((p) => (
          <li key={p.key} className={`photo-tile ${p.error ? 'photo-failed' : 'photo-uploading'}`}>
            <img src={p.preview} alt="" />
            {p.error ? (
              <>
                <span className="photo-status" role="alert">
                  {p.error}
                </span>
                <button type="button" className="photo-remove" onClick={() => dismiss(p.key)} aria-label={t('photos.dismiss', { name: p.name })}>
                  <Icon name="close" size={16} />
                </button>
              </>
            ) : (
              <span className="photo-status" role="status">
                <span className="spinner spinner-light" aria-hidden="true" />
                {t('photos.uploading')}
              </span>
            )}
          </li>
        ))}
        {!locked && room > 0 && (
          <li className="photo-tile">
            <label className="photo-add" htmlFor={id}>
              <Icon name="camera" size={26} />
              <span>{t('photos.add')}</span>
            </label>
            <input
              id={id}
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              onChange={(e) => void addFiles(e)}
              aria-describedby={hintId}
            />
          </li>
        )}
      </ul>
      <p id={hintId} className="field-hint">
        {t('photos.hint', { max, mb: maxPhotoBytes / 1024 / 1024, types: acceptedTypes.map((x) => x.slice(6).toUpperCase()).join('、') })}
      </p>
    </div>
  );
}
