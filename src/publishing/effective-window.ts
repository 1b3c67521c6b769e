/**
 * Effective dates (issue 13): `effective_from` / `effective_until` are calendar days in Vietnam (UTC+7, no daylight
 * saving): a lesson or section is served from 00:00 of its first day to 23:59:59 of its last day, Vietnam time, so a
 * procedure that changes "from 1 January" changes at midnight in Hà Nội, not at 07:00.
 */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The instant a Vietnam calendar day starts. */
export function vietnamDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS;
}

export interface Window {
  effectiveFrom?: string;
  effectiveUntil?: string;
}

/** "not-yet" before the window, "over" after it, "in" within (or when there is no window). */
export function windowState(window: Window, now: Date): "not-yet" | "in" | "over" {
  const t = now.getTime();
  if (window.effectiveFrom && t < vietnamDayStart(window.effectiveFrom)) return "not-yet";
  if (window.effectiveUntil && t >= vietnamDayStart(window.effectiveUntil) + 24 * 3600_000) return "over";
  return "in";
}

/** The next instant after `now` at which any of these windows opens or closes (undefined: none ahead). */
export function nextBoundary(windows: Iterable<Window>, now: Date): Date | undefined {
  let next = Infinity;
  const t = now.getTime();
  for (const w of windows) {
    const times = [
      w.effectiveFrom ? vietnamDayStart(w.effectiveFrom) : NaN,
      w.effectiveUntil ? vietnamDayStart(w.effectiveUntil) + 24 * 3600_000 : NaN,
    ];
    for (const at of times) if (at > t && at < next) next = at;
  }
  return Number.isFinite(next) ? new Date(next) : undefined;
}
