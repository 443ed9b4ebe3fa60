using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncHire.Grains.Cv;
using Xunit;

namespace SyncHire.Grains.Tests.Cv.Fixtures;

/// <summary>
/// The extractor as the host builds it (AddCvExtraction over in-memory configuration), plus the helpers every
/// CV test uses.
/// </summary>
internal static class CvExtraction
{
    /// <summary>
    /// A failure guard, not a timing assertion: if extraction ever hung, the test ends with a cancellation
    /// instead of blocking the run.
    /// </summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static ServiceProvider Services(IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
                logging.AddProvider(logs);
        });
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCvExtraction();
        return services.BuildServiceProvider();
    }

    public static async Task<CvText> ExtractAsync(byte[] file, string? fileName = "cv", string? contentType = null,
        IDictionary<string, string?>? settings = null)
    {
        await using var services = Services(settings);
        var extractor = services.GetRequiredService<ICvTextExtractor>();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Guard);
        return await extractor.ExtractAsync(new MemoryStream(file, writable: false), fileName, contentType, guard.Token);
    }

    public static async Task<CvRejectedException> AssertRejectedAsync(string expectedCode, Func<Task<CvText>> extraction)
    {
        var rejection = await Assert.ThrowsAsync<CvRejectedException>(extraction);
        Assert.Equal(expectedCode, rejection.Code);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
        return rejection;
    }
}
