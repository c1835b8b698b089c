import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

interface TimerState {
  /** Milliseconds counted before the current run. */
  elapsedBefore: number;
  /** When the current run started (Date.now()), or undefined while paused. */
  runningSince?: number;
}

/** The workshop's clock: one per app session, kept while moving between maps. */
const timer = createStore<TimerState>(() => ({ elapsedBefore: 0 }));

export const sessionTimer = {
  start: () => timer.setState((s) => (s.runningSince === undefined ? { runningSince: Date.now() } : s)),
  pause: () => timer.setState((s) => (s.runningSince === undefined ? s : { elapsedBefore: s.elapsedBefore + Date.now() - s.runningSince, runningSince: undefined })),
  reset: () => timer.setState({ elapsedBefore: 0, runningSince: undefined }),
  elapsed: (state: TimerState = timer.getState(), now = Date.now()) => state.elapsedBefore + (state.runningSince === undefined ? 0 : now - state.runningSince),
};

export function useTimerState() {
  return useStore(timer);
}

/** 12:05, or 1:02:05 past the hour. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
