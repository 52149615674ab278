// Text size: "large" makes every rem bigger, for projectors and the back of the room.
export type TextSize = 'normal' | 'large';
const KEY = 'tcm.textSize';

export function savedTextSize(): TextSize {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'large' ? 'large' : 'normal';
  } catch {
    return 'normal';
  }
}

export function applyTextSize(size: TextSize): void {
  document.documentElement.classList.toggle('large-text', size === 'large');
  try {
    globalThis.localStorage?.setItem(KEY, size);
  } catch {
    // The choice lasts for this session.
  }
}
