using System.Text.Json.Serialization;

namespace StaticBriefs.Preview;

/// <summary>Payload of an <c>error</c> event; a null message clears the overlay.</summary>
internal sealed record ErrorPayload([property: JsonPropertyName("message")] string? Message);

/// <summary>Source-generated serializer, so the server needs no reflection-based JSON.</summary>
[JsonSerializable(typeof(ErrorPayload))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
internal sealed partial class PreviewJsonContext : JsonSerializerContext;
