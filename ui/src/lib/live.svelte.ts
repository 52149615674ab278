// The live session the app runs, as last seen by the live screen: the banner shown on every
// other screen reads it (address, Stop, back to the session). The session itself is in Rust.
import type { LiveSessionView } from './bindings/LiveSessionView';

class LiveState {
  view: LiveSessionView | null = $state(null);
}

export const live = new LiveState();
