// A soft chime drawn with Web Audio: the hall has no internet and the apps ship no sound files.

/** Plays the notes (Hz) one after another, softly. False when the browser has no audio (nothing was played). */
export function playChime(notes: readonly number[] = [659.25, 880]): boolean {
  const Ctx = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!Ctx) return false;
  try {
    const ctx = new Ctx();
    const start = ctx.currentTime;
    for (const [i, freq] of notes.entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t0 = start + i * 0.18;
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(0.12, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t0 + 0.65);
    }
    setTimeout(() => void ctx.close(), 300 + notes.length * 450);
    return true;
  } catch {
    return false;
  }
}

/** A mute switch remembered on this device (localStorage), false when storage is unavailable. */
export function storedFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

export function storeFlag(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, value ? '1' : '0');
  } catch {
    // kept for this page only
  }
}
