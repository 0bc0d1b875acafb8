/**
 * The date a run is made, for manifests and chart subtitles. It honours SOURCE_DATE_EPOCH (the reproducible-builds
 * convention: seconds since 1970), so that tests and rebuilds can pin it; otherwise it is today in Norway.
 */
import { UserError } from "../errors/userError";

const OSLO_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date (YYYY-MM-DD) in Europe/Oslo, or the day of SOURCE_DATE_EPOCH when it is set. */
export function runDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch))
      throw new UserError("flag", "SOURCE_DATE_EPOCH", `"${epoch}" is not allowed; it must be whole seconds since 1970-01-01, e.g. 1795305600`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return OSLO_DATE.format(new Date());
}
