// The live session the app runs, as last received from Rust: the live screen shows it and the
// banner on every other screen reads it (address, Stop, back to the session). The session
// itself is in Rust; once followed, Rust sends its view here as it changes (joins, votes,
// reveal, stop), so nothing here asks again and again.
import { Channel } from '@tauri-apps/api/core';
import { api } from './api';
import type { LiveSessionView } from './bindings/LiveSessionView';

class LiveState {
  view: LiveSessionView | null = $state(null);
  /** The channel Rust sends the session's view to, while one is followed. */
  private channel: Channel<LiveSessionView | null> | null = null;

  /** Follows the running session, once (a second call while following does nothing). A
   *  failure leaves the view as it is: the next call tries again. */
  async follow(): Promise<void> {
    if (this.channel !== null) return;
    const channel = new Channel<LiveSessionView | null>();
    channel.onmessage = (view) => {
      if (this.channel !== channel) return;
      this.view = view;
      if (view === null) this.channel = null;
    };
    this.channel = channel;
    try {
      if (!(await api.liveFollow(channel)) && this.channel === channel) {
        this.channel = null;
        this.view = null;
      }
    } catch (failure) {
      if (this.channel === channel) this.channel = null;
      throw failure;
    }
  }

  /** Asks Rust once whether a session runs — the window just opened, or reloaded while a
   *  session ran — and follows it if so. */
  async resume(): Promise<void> {
    const view = await api.liveStatus();
    if (view === null) return;
    this.view ??= view;
    await this.follow();
  }

  /** The session stopped from this window: forget it (Rust also says so on the channel). */
  stopped(): void {
    this.channel = null;
    this.view = null;
  }
}

export const live = new LiveState();
