/**
 * Parses YAML (and therefore JSON) text into plain data with bounded work, reporting every problem as one UserError
 * with the file, line and column.
 *
 *   lexer pass (nesting depth <= YAML_MAX_DEPTH) -> JSON.parse when it is JSON, else parseDocument (syntax errors) -> toJS (aliases expanded at most
 *   YAML_MAX_ALIAS_COUNT times; an alias to no anchor is an error) -> data
 *
 * The depth check runs first because the parser recurses once per level: 100 000 nested brackets would take seconds
 * and end in "Maximum call stack size exceeded".
 */
import YAML from "yaml";
import { YAML_MAX_ALIAS_COUNT, YAML_MAX_DEPTH } from "../constants";
import { UserError, type UserErrorKind } from "../errors/userError";

/** Tokens yaml's Lexer adds that take no room in the text (its DOCUMENT, FLOW_END and SCALAR markers). */
const LEXER_CONTROL_TOKENS = new Set([YAML.CST.DOCUMENT, YAML.CST.FLOW_END, YAML.CST.SCALAR]);

/** Nesting depth of parsed JSON, walked with an explicit stack (no recursion). */
function jsonDepth(root: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    max = Math.max(max, d + 1);
    if (max > YAML_MAX_DEPTH) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * The offset where nesting first goes deeper than `max`, or -1. Depth on a line is the open flow collections ([ {)
 * plus the block indicators (- ? :) seen on that line outside them so far; depth from indentation alone is bounded by the size
 * limit (n levels of indentation take about n²/2 bytes).
 */
function tooDeepAt(text: string, max: number): number {
  let flow = 0;
  let block = 0;
  let offset = 0;
  for (const token of new YAML.Lexer().lex(text)) {
    const type = YAML.CST.tokenType(token);
    if (type === "flow-map-start" || type === "flow-seq-start") flow++;
    else if (type === "flow-map-end" || type === "flow-seq-end") flow = Math.max(0, flow - 1);
    else if (type === "newline") block = 0;
    else if (flow === 0 && (type === "seq-item-ind" || type === "explicit-key-ind" || type === "map-value-ind")) block++;
    if (flow + block > max) return offset;
    // The lexer also yields control tokens (document start, scalar, flow end) that are not in the text.
    if (!LEXER_CONTROL_TOKENS.has(token)) offset += token.length;
  }
  return -1;
}

export function parseYaml(text: string, where: string, kind: UserErrorKind): unknown {
  // JSON (a subset of YAML) is parsed natively: the YAML lexer and composer take about 13 µs a byte, JSON.parse a
  // hundredth of that. Text that is not valid JSON goes on to the YAML parser, which also gives the message. (JSON.parse
  // keeps the last of duplicate keys where the YAML parser refuses them.)
  if (/^\s*[[{]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch {
      data = undefined; // not JSON: YAML flow style or an error, judged below
    }
    if (data !== undefined) {
      if (jsonDepth(data) > YAML_MAX_DEPTH) throw new UserError(kind, where, `not valid here: nested deeper than ${YAML_MAX_DEPTH} levels`);
      return data;
    }
  }
  const deep = tooDeepAt(text, YAML_MAX_DEPTH);
  if (deep >= 0) {
    const { line, col } = lineCol(text, deep);
    throw new UserError(kind, where, `not valid here (line ${line}, column ${col}): nested deeper than ${YAML_MAX_DEPTH} levels`);
  }
  // logLevel "error": YAML's warnings (e.g. a collection used as a key) would print extra lines; the schema refuses such data anyway.
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true, logLevel: "error" });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = err.linePos?.[0];
    const at = pos ? ` (line ${pos.line}, column ${pos.col})` : "";
    // With prettyErrors the message carries " at line L, column C:" and a code excerpt; keep only the sentence.
    const sentence = err.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new UserError(kind, where, `not valid YAML${at}: ${sentence}`);
  }
  try {
    return doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
  } catch (e) {
    // toJS throws a ReferenceError for an alias to no anchor and for too many aliases (an "alias bomb").
    const message = (e as Error).message ?? String(e);
    if (/Unresolved alias/.test(message)) {
      const name = /: (.*)$/.exec(message)?.[1];
      throw new UserError(kind, where, `not valid YAML: the alias *${name ?? "?"} refers to no anchor (&${name ?? "name"} must come before it)`);
    }
    if (/Excessive alias count/.test(message))
      throw new UserError(kind, where, `not valid here: aliases (*name) expand to more than ${YAML_MAX_ALIAS_COUNT} copies; write the values out`);
    throw new UserError(kind, where, `not valid YAML: ${message.split("\n")[0]}`);
  }
}
