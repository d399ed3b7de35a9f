/** A part of a screen that could not be loaded, and why. */
export function LoadFailed({ title, message }: { title: string; message: string }) {
  return (
    <div className="nhsuk-error-summary" role="alert" aria-labelledby="load-failed-title">
      <h2 className="nhsuk-error-summary__heading" id="load-failed-title">
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>{message}</p>
      </div>
    </div>
  );
}
