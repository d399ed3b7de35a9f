// If a screen fails to draw, say so and offer a way on, rather than leaving a blank page at the
// desk. What was typed into form drafts is kept in the store.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  onHome(): void;
}

export class ScreenErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed to draw', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="nhsuk-error-summary" role="alert" aria-labelledby="screen-error-title" data-testid="screen-error">
        <h1 className="nhsuk-error-summary__heading" id="screen-error-title">
          This screen could not be shown
        </h1>
        <div className="nhsuk-error-summary__body">
          <p>Nothing has been lost from the record. Go back to Find a person and open the record again; if it keeps happening, tell site IT.</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={this.props.onHome}>
            Go to Find a person
          </button>
        </div>
      </div>
    );
  }
}
