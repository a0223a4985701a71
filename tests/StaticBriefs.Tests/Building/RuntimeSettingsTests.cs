using System.Text.Json;

namespace StaticBriefs.Tests.Building;

/// <summary>
/// The runtime settings the build's speed was measured with ship in StaticBriefs.runtimeconfig.json: a misspelt
/// MSBuild property sets nothing and fails silently (it happened once with server GC), so the file itself is checked.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "StaticBriefs.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Theory]
    [InlineData("System.GC.Server", "true")]
    [InlineData("System.GC.Concurrent", "false")]
    [InlineData("System.Runtime.TieredPGO", "false")]
    [InlineData("System.Runtime.TieredCompilation.QuickJit", "false")]
    [InlineData("System.Runtime.TieredCompilation.CallCountingDelayMs", "30")]
    [InlineData("System.IO.DisableFileLocking", "true")]
    [InlineData("System.GC.LOHThreshold", "2097152")]
    public void Measured_runtime_setting_is_in_the_shipped_runtimeconfig(string name, string expected)
    {
        var properties = ConfigProperties();
        Assert.True(properties.TryGetProperty(name, out var value), $"{name} is missing from StaticBriefs.runtimeconfig.json");
        Assert.Equal(expected, value.ToString().ToLowerInvariant());
    }
}
