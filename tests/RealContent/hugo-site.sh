# Sourced by bench-vs-hugo.sh and tests/StaticBriefs.Benchmarks/run-like-for-like.sh: the minimal Hugo site a real blog
# is compared with. hugo_site BLOG FOLDER makes it: the blog's posts ($BLOGS/BLOG/posts) as content/, a config with 20
# posts a page and raw HTML allowed, baseof/single/list layouts, and stubs for the Docsy shortcodes the posts use.
hugo_site() {
  local d=$2
  mkdir -p "$d/layouts/_default" "$d/layouts/shortcodes/blog"
  cp -r "$BLOGS/$1/posts" "$d/content"
  printf 'baseURL = "https://example.org/"\ntitle = "%s"\npaginate = 20\n[markup.goldmark.renderer]\n  unsafe = true\n' "$1" > "$d/config.toml"
  cat > "$d/layouts/_default/baseof.html" <<'H'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><meta name="description" content="{{ .Summary | plainify | truncate 200 }}"></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>
H
  echo '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}</article>{{ end }}' > "$d/layouts/_default/single.html"
  echo '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 200 }}</li>{{ end }}</ul>{{ end }}' > "$d/layouts/_default/list.html"
  echo '{{ if false }}{{ .Inner }}{{ end }}' > "$d/layouts/shortcodes/comment.html"
  echo '{{ .Get 0 }}' > "$d/layouts/shortcodes/param.html"
  : > "$d/layouts/shortcodes/blog/integration-badge.html"
}
