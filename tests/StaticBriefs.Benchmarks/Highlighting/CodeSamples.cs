namespace StaticBriefs.Benchmarks.Highlighting;

/// <summary>
/// One code block per language that blog posts show most (written for this benchmark, 8-20 lines each, in the
/// shape posts use: a function, a config file, a shell session), to compare highlighters block by block.
/// </summary>
internal static class CodeSamples
{
    public static readonly IReadOnlyDictionary<string, string> ByLanguage = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["rust"] = """
            use std::collections::HashMap;

            /// Counts how often each word occurs.
            pub fn word_counts(text: &str) -> HashMap<&str, usize> {
                let mut counts = HashMap::new();
                for word in text.split_whitespace() {
                    *counts.entry(word).or_insert(0) += 1;
                }
                counts
            }

            #[cfg(test)]
            mod tests {
                #[test]
                fn counts_repeated_words() {
                    let counts = super::word_counts("a b a");
                    assert_eq!(counts["a"], 2);
                }
            }
            """,
        ["toml"] = """
            [package]
            name = "briefs"
            version = "0.3.1"
            edition = "2021"
            authors = ["Sample Desk <desk@example.com>"]

            [dependencies]
            serde = { version = "1.0", features = ["derive"] }
            tokio = { version = "1", features = ["rt-multi-thread", "macros"] }

            [profile.release]
            lto = true
            codegen-units = 1 # slower build, faster binary
            """,
        ["bash"] = """
            #!/usr/bin/env bash
            set -euo pipefail

            out="${1:-public}"
            for file in content/**/*.md; do
              if grep -q '^draft: true' "$file"; then
                echo "skipping draft $file" >&2
                continue
              fi
              cp -- "$file" "$out/"
            done
            tar -czf "site-$(date +%F).tar.gz" "$out"
            """,
        ["console"] = """
            $ cargo build --release
               Compiling briefs v0.3.1 (/home/desk/briefs)
                Finished release [optimized] target(s) in 41.07s
            $ ./target/release/briefs --input content \
                --output public
            wrote 1,204 pages in 0.8 s
            $ echo $?
            0
            """,
        ["javascript"] = """
            // Debounce a function: run it once input has been quiet for `wait` ms.
            export function debounce(fn, wait = 80) {
              let timer = null;
              return (...args) => {
                clearTimeout(timer);
                timer = setTimeout(() => fn.apply(this, args), wait);
              };
            }

            const input = document.querySelector('#search');
            input.addEventListener('input', debounce(async (event) => {
              const response = await fetch(`/search/?q=${encodeURIComponent(event.target.value)}`);
              console.log(response.status === 200 ? 'ok' : 'failed');
            }));
            """,
        ["typescript"] = """
            interface Brief {
              title: string;
              date: Date;
              tags?: readonly string[];
            }

            export class BriefIndex<T extends Brief> {
              private readonly byTag = new Map<string, T[]>();

              add(brief: T): void {
                for (const tag of brief.tags ?? []) {
                  const list = this.byTag.get(tag) ?? [];
                  list.push(brief);
                  this.byTag.set(tag, list);
                }
              }
            }
            """,
        ["json"] = """
            {
              "name": "briefs-site",
              "version": "1.4.0",
              "private": true,
              "scripts": { "build": "staticbriefs build", "serve": "staticbriefs preview --port 0" },
              "files": ["output/**", "!output/**/*.map"],
              "engines": { "node": ">=20" },
              "retries": 3,
              "ratio": 0.75,
              "draft": null
            }
            """,
        ["yaml"] = """
            name: Deploy site
            on:
              push:
                branches: [main]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: Build
                    run: dotnet run --project src/StaticBriefs -- build --base-url "https://example.org/briefs/"
                  - uses: actions/upload-pages-artifact@v3
                    with:
                      path: output # the built site
            """,
        ["go"] = """
            package main

            import (
                "fmt"
                "net/http"
                "time"
            )

            // Handler answers health checks.
            func Handler(w http.ResponseWriter, r *http.Request) {
                started := time.Now()
                if r.Method != http.MethodGet {
                    http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
                    return
                }
                fmt.Fprintf(w, "ok in %v\n", time.Since(started))
            }
            """,
        ["python"] = """
            from dataclasses import dataclass, field
            from pathlib import Path


            @dataclass
            class Brief:
                title: str
                tags: list[str] = field(default_factory=list)

                def slug(self) -> str:
                    return "-".join(self.title.lower().split())


            def load(folder: Path) -> list[Brief]:
                briefs = []
                for path in sorted(folder.glob("*.md")):  # one brief per file
                    briefs.append(Brief(path.stem.replace("-", " ")))
                return briefs if briefs else [Brief("empty", tags=["none"])]
            """,
        ["c"] = """
            #include <stdio.h>
            #include <string.h>

            #define MAX_LINE 4096

            /* Count the lines of a file that contain a word. */
            int count_matches(FILE *in, const char *word)
            {
                char line[MAX_LINE];
                int count = 0;
                while (fgets(line, sizeof line, in) != NULL) {
                    if (strstr(line, word) != NULL)
                        count++;
                }
                return count;
            }
            """,
        ["cpp"] = """
            #include <algorithm>
            #include <string>
            #include <vector>

            namespace briefs {

            template <typename T>
            std::vector<T> top(std::vector<T> items, std::size_t n) {
                std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.score > b.score; });
                if (items.size() > n) items.resize(n);
                return items;
            }

            }  // namespace briefs
            """,
        ["html"] = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Briefs &amp; notes</title>
              <link rel="stylesheet" href="/assets/site.css">
            </head>
            <body>
              <main id="content">
                <h1 class="page-title">Latest briefs</h1>
                <a href="/briefs/first/">First brief</a>
              </main>
              <script>document.documentElement.classList.add('js');</script>
            </body>
            </html>
            """,
        ["css"] = """
            :root {
              --accent: #0b5cad;
              --measure: 44rem;
            }

            @media (prefers-color-scheme: dark) {
              :root { --accent: #6cb6ff; }
            }

            .card > h2 a:hover,
            .card > h2 a:focus-visible {
              color: var(--accent);
              text-decoration-thickness: 2px;
              margin: 0 0 0.5rem;
            }
            """,
        ["diff"] = """
            diff --git a/src/site.yml b/src/site.yml
            index 3b18e51..a8c9d2f 100644
            --- a/src/site.yml
            +++ b/src/site.yml
            @@ -1,6 +1,7 @@
             title: Briefs
            -base_url: https://example.org/
            +base_url: https://example.org/briefs/
             language: en
            +page_size: 20
             author: Sample Desk
            """,
        ["sql"] = """
            -- Briefs per company and month, newest first
            SELECT c.name,
                   date_trunc('month', b.published_at) AS month,
                   COUNT(*) AS briefs
            FROM briefs b
            JOIN brief_companies bc ON bc.brief_id = b.id
            JOIN companies c ON c.id = bc.company_id
            WHERE b.draft = FALSE
              AND b.published_at >= NOW() - INTERVAL '1 year'
            GROUP BY c.name, month
            HAVING COUNT(*) > 2
            ORDER BY month DESC, briefs DESC;
            """,
        ["dockerfile"] = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY . .
            RUN dotnet publish src/StaticBriefs -c Release -o /app

            FROM mcr.microsoft.com/dotnet/runtime:10.0
            WORKDIR /site
            COPY --from=build /app /app
            ENV DOTNET_gcServer=1
            # Build the mounted site into /site/output
            ENTRYPOINT ["dotnet", "/app/StaticBriefs.dll", "build"]
            """,
        ["powershell"] = """
            param(
                [string]$Input = "input",
                [switch]$Drafts
            )

            # Build, then list the ten largest pages.
            $args = @("build", "--input", $Input)
            if ($Drafts) { $args += "--drafts" }
            & dotnet run --project src/StaticBriefs -- @args
            Get-ChildItem -Path output -Recurse -Filter *.html |
                Sort-Object Length -Descending |
                Select-Object -First 10 FullName, Length
            """,
        ["csharp"] = """
            using System.Collections.Generic;

            namespace Briefs;

            /// <summary>Counts words.</summary>
            public static class WordCounter
            {
                public static Dictionary<string, int> Count(string text)
                {
                    var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        counts[word] = counts.GetValueOrDefault(word) + 1; // bump
                    return counts;
                }
            }
            """,
    };
}
