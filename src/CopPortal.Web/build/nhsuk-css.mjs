// Copies the NHS.UK frontend stylesheet into wwwroot with two changes (see docs/architecture.md, "Front-end
// assets"): its @font-face rules go, and its icon URLs become relative to /lib/nhsuk/.
// Done in Node rather than MSBuild: on Linux MSBuild turns the backslashes of escaped selectors such as
// `.\:focus` into slashes, which invalidates those rules (the skip link then showed over the logo).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const [from, to] = process.argv.slice(2);
const css = readFileSync(join(from, "nhsuk-frontend.min.css"), "utf8")
  .replace(/@font-face\{[^}]*\}/g, "")
  .replaceAll("url(/assets/", "url(assets/");
mkdirSync(to, { recursive: true });
const target = join(to, "nhsuk-frontend.min.css");
let current = "";
try { current = readFileSync(target, "utf8"); } catch { /* first build */ }
if (current !== css) writeFileSync(target, css);
