using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>Impacts are rounded half away from zero into 1..31, exactly as Math.Round did before it was unrolled.</summary>
public sealed class ImpactQuantisingTests
{
    private static byte Reference(double scaled) =>
        (byte)Math.Clamp((int)Math.Round(scaled, MidpointRounding.AwayFromZero), 1, SearchIndexWriter.MaxImpact);

    [Fact]
    public void Every_value_rounds_as_math_round_away_from_zero_then_clamps()
    {
        var values = new List<double> { double.NaN, double.NegativeInfinity, double.PositiveInfinity, -0.0, 0.0, double.Epsilon, 31.0, 1e300, -1e300 };
        for (var k = -2048; k <= 40 * 1024; k++) values.Add(k / 1024.0);
        for (var n = 0; n <= 33; n++)
        {
            // Either side of each half: where a rounding that added 0.5 first would go wrong.
            var half = n + 0.5;
            values.AddRange([half, Math.BitDecrement(half), Math.BitIncrement(half), Math.BitDecrement(0.5) + n]);
        }
        var random = new Random(7);
        for (var i = 0; i < 100_000; i++) values.Add(random.NextDouble() * SearchIndexWriter.MaxImpact);

        var wrong = values.Where(v => SearchIndexWriter.Quantised(v) != Reference(v)).Take(5).ToList();

        Assert.Empty(wrong);
        Assert.Equal(1, SearchIndexWriter.Quantised(0.49999999999999994));
        Assert.Equal(3, SearchIndexWriter.Quantised(2.5));
        Assert.Equal(31, SearchIndexWriter.Quantised(30.5));
    }
}
