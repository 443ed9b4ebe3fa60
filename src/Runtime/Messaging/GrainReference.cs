using System.Collections.Concurrent;
using System.Reflection;
using SyncHire.Runtime.Hosting;

namespace SyncHire.Runtime.Messaging;

/// <summary>
/// The object <c>GetGrain&lt;T&gt;</c> returns: a runtime-generated implementation of the grain interface whose
/// every method is a call through the <see cref="GrainCallInvoker"/>. (Orleans generates these at build time.)
/// </summary>
public class GrainReference : DispatchProxy
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<Task<object?>, object>> Adapters = new();
    private GrainCallInvoker _invoker = null!;
    private GrainTypeRegistry _types = null!;
    private Type _interface = null!;

    public GrainId GrainId { get; private set; }

    internal static TGrain Create<TGrain>(GrainId grainId, GrainCallInvoker invoker, GrainTypeRegistry types)
    {
        var proxy = Create<TGrain, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference.GrainId = grainId;
        reference._invoker = invoker;
        reference._types = types;
        reference._interface = typeof(TGrain);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = _types.GetMethod(_interface, targetMethod.Name);
        var call = _invoker.InvokeAsync(GrainId, method, args ?? []);
        return Adapters.GetOrAdd(targetMethod, CreateAdapter)(call);
    }

    public override string ToString() => $"GrainReference({GrainId})";

    /// <summary>Converts the untyped call into the Task or Task&lt;T&gt; the interface method declares.</summary>
    private static Func<Task<object?>, object> CreateAdapter(MethodInfo method)
    {
        if (!method.ReturnType.IsGenericType)
        {
            return call => call;
        }

        var resultType = method.ReturnType.GetGenericArguments()[0];
        var cast = typeof(GrainReference).GetMethod(nameof(CastAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(resultType);
        return (Func<Task<object?>, object>)cast.CreateDelegate(typeof(Func<Task<object?>, object>));
    }

    private static object CastAsync<T>(Task<object?> call) => CastCoreAsync<T>(call);

    private static async Task<T> CastCoreAsync<T>(Task<object?> call) => (T)(await call)!;
}

/// <summary>Hands out grain references.</summary>
internal sealed class GrainFactory(GrainCallInvoker invoker, GrainTypeRegistry types) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var type = types.ForInterface(typeof(TGrain));
        return GrainReference.Create<TGrain>(new GrainId(type.Name, key), invoker, types);
    }
}
