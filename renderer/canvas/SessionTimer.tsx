import { useEffect, useState } from 'react';
import { formatElapsed, sessionTimer, useTimerState } from '../editor/sessionTimer';

/** A visible session clock the facilitator can start, pause and reset. */
export function SessionTimer() {
  const state = useTimerState();
  const running = state.runningSince !== undefined;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const handle = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(handle);
  }, [running]);
  const elapsed = sessionTimer.elapsed(state, running ? now : undefined);
  return (
    <div className="timer" role="group" aria-label="Session timer">
      <span className={`timer-time${running ? ' running' : ''}`} role="timer" aria-label={`Session time ${formatElapsed(elapsed)}`}>
        {formatElapsed(elapsed)}
      </span>
      {running ? (
        <button type="button" className="button ghost small icon" onClick={sessionTimer.pause} aria-label="Pause timer" title="Pause timer">
          <span aria-hidden="true">❚❚</span>
        </button>
      ) : (
        <button type="button" className="button ghost small icon" onClick={sessionTimer.start} aria-label={elapsed > 0 ? 'Resume timer' : 'Start timer'} title={elapsed > 0 ? 'Resume timer' : 'Start timer'}>
          <span aria-hidden="true">▶</span>
        </button>
      )}
      <button type="button" className="button ghost small icon" onClick={sessionTimer.reset} disabled={elapsed === 0 && !running} aria-label="Reset timer" title="Reset timer">
        <span aria-hidden="true">↺</span>
      </button>
    </div>
  );
}
