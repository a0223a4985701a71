using System.Net;
using System.Text;

namespace StaticBriefs.Preview;

/// <summary>The live-reload client served at <c>/__staticbriefs/reload.js</c> and the tag that loads it.</summary>
internal static class ReloadScript
{
    /// <summary>Endpoints live under this segment, outside anything a site generates.</summary>
    public const string EndpointSegment = "__staticbriefs";

    // Loaded by src rather than inline so sites with a "script-src 'self'" policy still reload.
    // The events URL is derived from the script's own URL, so it works under any base path.
    // Overlay elements reset site CSS with "all:initial"; text only ever goes in via textContent.
    public static readonly byte[] Body = Encoding.UTF8.GetBytes("""
        (function () {
          'use strict';
          var me = document.currentScript;
          var base = me && me.src ? me.src : location.origin + '/__staticbriefs/reload.js';
          var source = new EventSource(new URL('events', base));
          var box = null, text = null, opened = false;
          function hide() { if (box) { box.remove(); box = null; text = null; } }
          function show(message) {
            if (!box) {
              box = document.createElement('div');
              box.id = '__staticbriefs-error';
              box.setAttribute('role', 'alert');
              box.style.cssText = 'all:initial;position:fixed;left:0;right:0;bottom:0;z-index:2147483647;' +
                'max-height:60vh;overflow:auto;box-sizing:border-box;padding:16px 20px;background:#111;color:#fff;' +
                'border-top:4px solid #ff6b6b;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;';
              var title = document.createElement('strong');
              title.style.cssText = 'all:initial;display:block;margin-bottom:8px;color:#ffd2d2;font:bold 16px/1.4 system-ui,sans-serif;';
              title.textContent = 'Build failed';
              text = document.createElement('pre');
              text.style.cssText = 'all:initial;display:block;white-space:pre-wrap;word-break:break-word;color:#fff;font:inherit;';
              var close = document.createElement('button');
              close.type = 'button';
              close.textContent = 'Dismiss';
              close.style.cssText = 'all:initial;position:absolute;top:12px;right:16px;padding:4px 12px;cursor:pointer;' +
                'background:#fff;color:#111;border-radius:4px;font:14px system-ui,sans-serif;';
              close.addEventListener('click', hide);
              box.append(title, text, close);
              (document.body || document.documentElement).appendChild(box);
            }
            text.textContent = message;
          }
          source.addEventListener('open', function () {
            // A second open means the server came back after a restart: the site may have changed.
            if (opened) { location.reload(); }
            opened = true;
          });
          source.addEventListener('reload', function () { location.reload(); });
          source.addEventListener('error', function (e) {
            // Connection failures are also called "error" but carry no data.
            if (!(e instanceof MessageEvent)) { return; }
            var payload = JSON.parse(e.data);
            if (payload.message == null) { hide(); } else { show(payload.message); }
          });
        })();

        """);

    /// <summary>The tag inserted before <c>&lt;/body&gt;</c>, pointing under the site's base path.</summary>
    public static byte[] TagFor(string basePath)
    {
        var src = basePath + EndpointSegment + "/reload.js";
        return Encoding.UTF8.GetBytes($"<script src=\"{WebUtility.HtmlEncode(src)}\"></script>");
    }
}
