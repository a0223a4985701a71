// Runs Lighthouse 12 (mobile and desktop presets) on home, brief, company, person, search and archive pages of
// built sites, each served locally under /briefs-site/ with gzip, and prints the four category scores (median
// of --runs runs) with the metrics behind Performance.
// Usage: node lighthouse.mjs [--runs N] [--out DIR] NAME=OUTPUT_DIR [NAME=OUTPUT_DIR ...]
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pagesOf } from "./pages.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let runs = 1;
let out = "/dev/shm/sb-lighthouse";
const sites = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Number(args[++i]);
  else if (args[i] === "--out") out = args[++i];
  else {
    const [name, dir] = args[i].split("=");
    sites.push({ name, dir });
  }
}
if (sites.length === 0) {
  console.error("usage: node lighthouse.mjs [--runs N] [--out DIR] NAME=OUTPUT_DIR ...");
  process.exit(2);
}
const kinds = new Set(["home", "brief", "company", "person", "search", "archive"]);
mkdirSync(out, { recursive: true });
const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

const rows = [];
let port = 8700 + Math.floor(Math.random() * 200);
for (const site of sites) {
  port++;
  const server = spawn(process.execPath, [join(here, "serve.mjs"), site.dir, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((ok) => server.stdout.once("data", ok));
  try {
    for (const page of pagesOf(site.dir).filter((p) => kinds.has(p.kind))) {
      const url = `http://127.0.0.1:${port}/briefs-site/${page.path}`;
      for (const preset of ["mobile", "desktop"]) {
        const scores = [];
        for (let r = 0; r < runs; r++) {
          const file = join(out, `${site.name}-${page.kind}-${preset}-${r}.json`);
          const lhArgs = [url, "--quiet", "--output=json", `--output-path=${file}`,
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless --no-sandbox"];
          if (preset === "desktop") lhArgs.push("--preset=desktop");
          const done = spawnSync(join(here, "node_modules", ".bin", "lighthouse"), lhArgs, { env: { ...process.env, CHROME_PATH: chrome }, encoding: "utf8" });
          if (done.status !== 0) { console.error(`lighthouse failed on ${url}: ${done.stderr}`); continue; }
          const report = JSON.parse(readFileSync(file, "utf8"));
          const c = report.categories;
          const a = report.audits;
          scores.push({
            p: Math.round(c.performance.score * 100), a: Math.round(c.accessibility.score * 100),
            bp: Math.round(c["best-practices"].score * 100), seo: Math.round(c.seo.score * 100),
            lcp: a["largest-contentful-paint"].numericValue, tbt: a["total-blocking-time"].numericValue,
            cls: a["cumulative-layout-shift"].numericValue,
            bytes: a["total-byte-weight"].numericValue,
            failed: Object.values(a).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === "binary").map((x) => x.id),
          });
        }
        if (scores.length === 0) continue;
        const m = (k) => median(scores.map((s) => s[k]));
        rows.push({ site: site.name, kind: page.kind, path: page.path, preset, p: m("p"), a: m("a"), bp: m("bp"), seo: m("seo"),
          lcp: m("lcp"), tbt: m("tbt"), cls: m("cls"), bytes: m("bytes"), failed: [...new Set(scores.flatMap((s) => s.failed))] });
        const last = rows[rows.length - 1];
        console.error(`${site.name} ${page.kind} ${preset}: ${last.p}/${last.a}/${last.bp}/${last.seo}`);
      }
    }
  } finally {
    server.kill();
  }
}

console.log(`\nLighthouse 12 (${runs} run${runs === 1 ? "" : "s"} each, median), Performance / Accessibility / Best Practices / SEO\n`);
console.log("| site | page | path | mobile | desktop | mobile LCP ms, TBT ms, CLS | page weight KB |");
console.log("| --- | --- | --- | --- | --- | --- | ---: |");
for (const site of sites) {
  for (const kind of kinds) {
    const m = rows.find((r) => r.site === site.name && r.kind === kind && r.preset === "mobile");
    const d = rows.find((r) => r.site === site.name && r.kind === kind && r.preset === "desktop");
    if (!m && !d) continue;
    const s = (r) => (r ? `${r.p} / ${r.a} / ${r.bp} / ${r.seo}` : "-");
    const metrics = m ? `${Math.round(m.lcp)}, ${Math.round(m.tbt)}, ${m.cls.toFixed(3)}` : "-";
    console.log(`| ${site.name} | ${kind} | \`/${(m ?? d).path}\` | ${s(m)} | ${s(d)} | ${metrics} | ${m ? (m.bytes / 1024).toFixed(1) : "-"} |`);
  }
}
const below = rows.filter((r) => Math.min(r.p, r.a, r.bp, r.seo) < 98);
if (below.length > 0) {
  console.log("\nBelow 98, with the binary audits that failed:");
  for (const r of below) console.log(`- ${r.site} ${r.kind} ${r.preset}: ${r.p}/${r.a}/${r.bp}/${r.seo} ${r.failed.join(", ")}`);
}
