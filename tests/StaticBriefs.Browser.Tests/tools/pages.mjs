// Picks the pages of a built site that Lighthouse and the screenshots look at: one of each kind, the heaviest
// of its kind where a site has many (the page a reader of a 10,000-brief site is most likely to find slow).
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";

function largest(root, folder, depth) {
  // index.html files exactly `depth` folders below root/folder, skipping paginated pages (page/N/).
  let best = null;
  const walk = (dir, level) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (!statSync(full).isDirectory() || name === "page") continue;
      if (level + 1 === depth) {
        const file = join(full, "index.html");
        if (existsSync(file)) {
          const size = statSync(file).size;
          if (!best || size > best.size) best = { path: full.slice(root.length + 1) + "/", size };
        }
      } else walk(full, level + 1);
    }
  };
  walk(join(root, folder), 0);
  return best?.path ?? null;
}

function deepestLargest(root, folder) {
  let best = null;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "index.html") {
        const size = statSync(full).size;
        if (!best || size > best.size) best = { path: dir.slice(root.length + 1) + "/", size };
      }
    }
  };
  if (existsSync(join(root, folder))) walk(join(root, folder));
  return best?.path ?? null;
}

/** [{ kind, path }] relative to the site's root URL (no leading slash). */
export function pagesOf(root) {
  const company = largest(root, "companies", 1);
  const person = largest(root, "people", 1);
  let query = "anthropic";
  if (company) {
    const html = readFileSync(join(root, company, "index.html"), "utf8");
    const h1 = /<h1[^>]*>([^<]+)<\/h1>/.exec(html);
    if (h1) query = h1[1].trim().toLowerCase().replace(/&amp;/g, "&");
  }
  return [
    { kind: "home", path: "" },
    { kind: "brief", path: largest(root, "briefs", 1) },
    { kind: "company", path: company },
    { kind: "person", path: person },
    { kind: "search", path: "search/?q=" + encodeURIComponent(query) },
    { kind: "archive", path: deepestLargest(root, "archive") },
    { kind: "topic", path: largest(root, "topics", 1) },
    { kind: "moves", path: existsSync(join(root, "moves", "index.html")) ? "moves/" : null },
    { kind: "people index", path: "people/" },
    { kind: "page", path: existsSync(join(root, "about", "index.html")) ? "about/" : null },
    { kind: "404", path: "no-such-page/" },
  ].filter((p) => p.path !== null);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const p of pagesOf(process.argv[2])) console.log(`${p.kind}\t${p.path}`);
}
