import type { Notice } from '../app/navigation-slice';

const titles: Record<Notice['kind'], string> = { success: 'Success', info: 'Information', warning: 'Important' };

/** A one-off message carried to the next screen (NHS notification banner); the title says its kind, not just its colour. */
export function NoticeBanner({ notice }: { notice: Notice }) {
  const kind = notice.kind === 'success' ? ' nhsuk-notification-banner--success' : '';
  return (
    <div
      className={`nhsuk-notification-banner${kind}`}
      role={notice.kind === 'info' ? 'status' : 'alert'}
      aria-labelledby="notice-title"
      data-testid="notice"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="notice-title">
          {titles[notice.kind]}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{notice.text}</p>
      </div>
    </div>
  );
}
