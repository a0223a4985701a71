using System.Net;
using Microsoft.AspNetCore.Http;

namespace StaticBriefs.Preview;

/// <summary>
/// Accepts a request only when its Host header names the address the preview listens on: <c>127.0.0.1</c>,
/// <c>localhost</c> or <c>[::1]</c> with the port the connection came in on (plus the <c>--host</c> name, and any IP
/// address when listening on all of them). A page on another site that rebinds its own name to 127.0.0.1 (DNS
/// rebinding) sends its own name as Host, so it is refused and cannot read the preview, drafts included.
/// </summary>
internal sealed class HostCheck(string listenHost)
{
    private static readonly string[] Loopback = ["127.0.0.1", "localhost", "[::1]"];

    private readonly string _listenHost = Bracketed(listenHost.Trim().ToLowerInvariant());
    private readonly bool _anyAddress = IPAddress.TryParse(listenHost.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    /// <summary>True when <paramref name="host"/> is this preview's address on <paramref name="port"/>.</summary>
    public bool Allows(HostString host, int port)
    {
        if (!host.HasValue) return false;
        var value = host.Value.ToLowerInvariant();
        var colon = value.LastIndexOf(':');
        var bracket = value.LastIndexOf(']');
        string name;
        var given = 80;
        if (colon > bracket)
        {
            name = value[..colon];
            if (!int.TryParse(value[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out given)) return false;
        }
        else
        {
            name = value;
        }
        if (given != port) return false;
        if (Loopback.Contains(name, StringComparer.Ordinal) || name == _listenHost) return true;
        // Listening on every address: any IP literal is a way to reach us; a name other than localhost is not ours.
        return _anyAddress && IPAddress.TryParse(name.Trim('[', ']'), out _);
    }

    private static string Bracketed(string host) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? "[" + host + "]" : host;
}
