using System.Text;

namespace StaticBriefs.Incremental;

/// <summary>
/// Keeps each output folder's <see cref="BuildSnapshot"/> beside its manifest (<c>state-&lt;hash&gt;.bin</c>), checksummed
/// and written by rename. A file that is missing, damaged, from another version or for another folder reads as none.
/// </summary>
internal static class SnapshotStore
{
    private static readonly byte[] Magic = "SBSTATE1"u8.ToArray();

    public static BuildSnapshot? Load(string directory, string outputDirectory)
    {
        var path = PathOf(directory, outputDirectory);
        try
        {
            if (!File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            using var reader = BufferReader.Over(bytes, 0, bytes.Length);
            if (!CacheStore.ReadHeader(reader, Magic) || reader.ReadString() != outputDirectory) return null;
            var length = reader.ReadInt32();
            var checksum = reader.ReadUInt64();
            var start = (int)reader.BaseStream.Position;
            if (length < 0 || length != bytes.Length - start || CacheStore.Checksum(bytes.AsSpan(start, length)) != checksum) return null;
            var snapshot = BuildSnapshot.Read(reader);
            return reader.BaseStream.Position == bytes.Length ? snapshot : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException
            or ArgumentException or DecoderFallbackException or FormatException or OverflowException)
        {
            return null;
        }
    }

    public static void Save(string directory, string outputDirectory, BuildSnapshot snapshot)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true)) snapshot.Write(writer);
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length).ToArray();
        CacheStore.WriteAtomically(PathOf(directory, outputDirectory), writer =>
        {
            CacheStore.WriteHeader(writer, Magic);
            writer.Write(outputDirectory);
            writer.Write(bytes.Length);
            writer.Write(CacheStore.Checksum(bytes));
            writer.Write(bytes);
        });
    }

    public static void Delete(string directory, string outputDirectory)
    {
        var path = PathOf(directory, outputDirectory);
        if (File.Exists(path)) File.Delete(path);
    }

    private static string PathOf(string directory, string outputDirectory) =>
        Path.Combine(directory, "state-" + ContentHash.Of(outputDirectory)[..16] + ".bin");
}
