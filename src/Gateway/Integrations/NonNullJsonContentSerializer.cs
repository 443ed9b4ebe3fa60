using System.Reflection;
using System.Text.Json;
using Refit;

namespace SyncHire.Gateway.Integrations;

/// <summary>
/// Refit's System.Text.Json serializer, except that an answer of JSON <c>null</c> is refused: every call here that
/// reads an answer needs one, and a null would otherwise surface later as a NullReferenceException (a 500) instead
/// of a failed integration (a 502).
/// </summary>
internal sealed class NonNullJsonContentSerializer(JsonSerializerOptions options) : IHttpContentSerializer
{
    private readonly SystemTextJsonContentSerializer _inner = new(options);

    public HttpContent ToHttpContent<T>(T item) => _inner.ToHttpContent(item);

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        await _inner.FromHttpContentAsync<T>(content, cancellationToken) ?? throw new JsonException("The answer is JSON null.");

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => _inner.GetFieldNameForProperty(propertyInfo);
}
