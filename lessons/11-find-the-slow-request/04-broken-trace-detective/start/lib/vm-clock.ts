// The billing VM's wall clock. Nobody set up time synchronisation (NTP) on that VM, and its clock
// has drifted: it reads 2.5 seconds behind every other host's. The sandbox's services share one
// clock, so this stands in for the drift.
const DRIFT_MS = -2500;

/** ms since the epoch, as the billing VM's clock reads it */
export function vmClock(): number {
  return Date.now() + DRIFT_MS;
}
