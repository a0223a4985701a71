// Screenshots of each page kind of a built site at 390 and 1366 px wide, light and dark, for a person to look at
// (they are not committed). The site is served locally under /briefs-site/ as a static host would.
// Usage: node screenshots.mjs OUTPUT_DIR SHOTS_DIR [--name sample] [--height 2400] [--only kind,kind] [--page kind=path]...
// (--page adds a page of your choosing, e.g. --page karpathy=people/andrej-karpathy/; --only may name it.)
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { pagesOf } from "./pages.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [site, shots, ...rest] = process.argv.slice(2);
if (!site || !shots) {
  console.error("usage: node screenshots.mjs OUTPUT_DIR SHOTS_DIR [--name NAME] [--height PX] [--only kinds] [--page kind=path]...");
  process.exit(2);
}
let name = "site";
let height = 2400;
let only = null;
const extra = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === "--name") name = rest[++i];
  else if (rest[i] === "--height") height = Number(rest[++i]);
  else if (rest[i] === "--only") only = new Set(rest[++i].split(","));
  else if (rest[i] === "--page") {
    const [kind, ...path] = rest[++i].split("=");
    extra.push({ kind, path: path.join("=") });
  }
}
mkdirSync(shots, { recursive: true });
const port = 8900 + Math.floor(Math.random() * 90);
const server = spawn(process.execPath, [join(here, "serve.mjs"), site, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((ok) => server.stdout.once("data", ok));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  for (const width of [390, 1366]) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({
        viewport: { width, height: width === 390 ? 844 : 900 }, colorScheme: scheme,
        deviceScaleFactor: 1, isMobile: width === 390, hasTouch: width === 390,
      });
      const page = await context.newPage();
      for (const p of [...pagesOf(site), ...extra]) {
        if (only && !only.has(p.kind)) continue;
        await page.goto(`http://127.0.0.1:${port}/briefs-site/${p.path}`, { waitUntil: "networkidle" });
        if (p.kind === "search") await page.waitForTimeout(800);
        const full = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = join(shots, `${name}-${p.kind.replace(/\s+/g, "-")}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(full, height) } });
        console.log(`${file}\t${full}px tall`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
