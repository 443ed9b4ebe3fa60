using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace SyncHire.Conformance.Tests.Infrastructure;

/// <summary>The path of every request an emulator host received, to show which URL shape a client used.</summary>
internal sealed class RequestPaths
{
    private readonly ConcurrentQueue<string> _paths = new();

    public IReadOnlyList<string> All => [.. _paths];

    /// <summary>Records ahead of the emulators' own handlers (call before mapping them).</summary>
    public void Record(WebApplication app) => app.Use((context, next) =>
    {
        _paths.Enqueue(context.Request.Path.Value ?? "");
        return next(context);
    });
}
