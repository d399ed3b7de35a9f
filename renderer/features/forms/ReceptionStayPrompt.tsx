// Prison reception starts a stay: if none is open when the reception screen is opened, the nurse
// starts it here first, so the screen and the 7-day second-stage task belong to this stay.
import { useState } from 'react';
import { StartStayForm } from '../stays/StartStayForm';

export function ReceptionStayPrompt({ personId, onStarted }: { personId: string; onStarted(message: string): void }) {
  const [starting, setStarting] = useState(false);
  return (
    <div className="nhsuk-warning-callout" data-testid="reception-stay-prompt">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          No prison stay is open
        </span>
      </h2>
      <p>Reception starts the stay. Start it now, so this screen and the second-stage assessment it sets up belong to this stay.</p>
      {starting ? (
        <StartStayForm
          personId={personId}
          onCancel={() => setStarting(false)}
          onDone={onStarted}
        />
      ) : (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setStarting(true)}>
          Start prison stay (reception)
        </button>
      )}
    </div>
  );
}
