/** A `--set name=value` override as the manifest records it: the input or setting it replaced and the value given. */
export interface Override {
  name: string;
  value: number | string;
}
