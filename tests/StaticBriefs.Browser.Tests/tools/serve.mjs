// Serves a built site as a static host would, for Lighthouse and screenshots: the output folder under a sub-path,
// /x/ as /x/index.html, the site's 404.html with status 404, gzip for text, and long caching for fingerprinted
// assets and the versioned search folder (the rules the build writes to _headers).
// Usage: node serve.mjs OUTPUT_DIR PORT [PREFIX=/briefs-site/]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const [root, portText, prefixArg] = process.argv.slice(2);
if (!root || !portText) {
  console.error("usage: node serve.mjs OUTPUT_DIR PORT [PREFIX]");
  process.exit(2);
}
const prefix = prefixArg ?? "/briefs-site/";
const base = resolve(root);
const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml", ".png": "image/png",
  ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8", ".woff2": "font/woff2", ".webmanifest": "application/manifest+json",
};
const compressible = new Set([".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"]);

async function find(path) {
  const full = normalize(join(base, path));
  if (full !== base && !full.startsWith(base + sep)) return null;
  try {
    const info = await stat(full);
    if (info.isDirectory()) return find(join(path, "index.html"));
    return full;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let path = decodeURIComponent(url.pathname);
  let file = null;
  if (path.startsWith(prefix)) {
    path = path.slice(prefix.length);
    if (path === "" || path.endsWith("/") || extname(path) !== "") file = await find(path);
    else if (await find(path + "/")) {
      res.writeHead(301, { Location: url.pathname + "/" + url.search });
      res.end();
      return;
    }
  }
  let status = 200;
  if (!file) {
    status = 404;
    file = await find("404.html");
    if (!file) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
  }
  const ext = extname(file);
  let body = await readFile(file);
  const headers = { "Content-Type": types[ext] ?? "application/octet-stream" };
  headers["Cache-Control"] = /\.[0-9a-f]{8}\.(css|js)$/.test(file) || /[\\/]search[\\/][0-9a-f]{12}[\\/]/.test(file)
    ? "public, max-age=31536000, immutable"
    : "no-cache";
  if (compressible.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    body = gzipSync(body);
    headers["Content-Encoding"] = "gzip";
    headers["Vary"] = "Accept-Encoding";
  }
  headers["Content-Length"] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}).listen(Number(portText), "127.0.0.1", () => console.log(`serving ${base} at http://127.0.0.1:${portText}${prefix}`));
