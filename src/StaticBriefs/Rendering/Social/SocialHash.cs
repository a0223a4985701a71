using System.IO.Hashing;
using System.Text;

namespace StaticBriefs.Rendering.Social;

/// <summary>A stable hash of strings (each length-prefixed, so parts cannot run into each other).</summary>
internal static class SocialHash
{
    public static string Of(params string[] parts)
    {
        var hash = new XxHash128();
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.Append(BitConverter.GetBytes(bytes.Length));
            hash.Append(bytes);
        }
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
