/** Maps a kommunenummer to its helseregion through its fylkesnummer (data/reference/fylke-helseregion.yaml). */
import * as path from "node:path";
import { z } from "zod";
import { UserError } from "../errors/userError";
import { describeZodIssue } from "../errors/formatZodError";
import { DATA_DIR, displayPath } from "../io/paths";
import { parseYaml } from "../io/parseYaml";
import { readText } from "../io/readText";

export const HELSEREGIONER = ["Nord", "Midt-Norge", "Vest", "Sør-Øst"] as const;
export type Helseregion = (typeof HELSEREGIONER)[number];

const schema = z.strictObject({
  description: z.string(),
  lastVerified: z.unknown(),
  reference: z.array(z.strictObject({ title: z.string(), href: z.string().optional() })).min(1),
  fylker: z.record(z.string().regex(/^\d{2}$/), z.strictObject({ navn: z.string(), helseregion: z.enum(HELSEREGIONER) })),
});

export const FYLKE_FILE = path.join(DATA_DIR, "reference", "fylke-helseregion.yaml");

let cached: Map<string, Helseregion> | undefined;

function load(): Map<string, Helseregion> {
  if (cached) return cached;
  const shown = displayPath(FYLKE_FILE);
  const parsed = schema.safeParse(parseYaml(readText(FYLKE_FILE, "params"), shown, "params"));
  if (!parsed.success) {
    const { path: p, what } = describeZodIssue(parsed.error);
    throw new UserError("params", `${shown}: ${p}`, what);
  }
  cached = new Map(Object.entries(parsed.data.fylker).map(([nr, f]) => [nr, f.helseregion]));
  return cached;
}

/** The helseregion of a 4-digit kommunenummer, or undefined when its fylke is not in the table. */
export function helseregionOf(kommunenr: string): Helseregion | undefined {
  return load().get(kommunenr.slice(0, 2));
}
