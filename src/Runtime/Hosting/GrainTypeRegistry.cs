using System.Collections.Concurrent;
using System.Reflection;

namespace SyncHire.Runtime.Hosting;

/// <summary>A registered grain type: its interface, implementation and wire name.</summary>
internal sealed record GrainTypeInfo(string Name, Type Interface, Type Implementation);

/// <summary>Maps grain interfaces to type names and implementations, and caches method metadata.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, GrainTypeInfo> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, GrainTypeInfo> _byInterface = [];
    private readonly ConcurrentDictionary<(Type, string), GrainMethod> _methods = new();

    public void Register(Type grainInterface, Type implementation)
    {
        var info = new GrainTypeInfo(TypeNameOf(grainInterface), grainInterface, implementation);
        _byName[info.Name] = info;
        _byInterface[grainInterface] = info;
    }

    public static string TypeNameOf(Type grainInterface)
    {
        var attribute = grainInterface.GetCustomAttribute<GrainTypeAttribute>();
        if (attribute is not null)
        {
            return attribute.Name;
        }

        var name = grainInterface.Name;
        return name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? name[1..] : name;
    }

    public GrainTypeInfo ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var info)
            ? info
            : new GrainTypeInfo(TypeNameOf(grainInterface), grainInterface, typeof(object));

    public bool TryGetByName(string name, out GrainTypeInfo info) => _byName.TryGetValue(name, out info!);

    public GrainTypeInfo GetByName(string name) =>
        _byName.TryGetValue(name, out var info)
            ? info
            : throw new InvalidOperationException($"No grain type '{name}' is registered on this silo.");

    /// <summary>Finds a method of the grain's interfaces by name. Grain interfaces must not overload names.</summary>
    public GrainMethod GetMethod(Type grainInterface, string methodName) =>
        _methods.GetOrAdd((grainInterface, methodName), static key =>
        {
            var (type, name) = key;
            var candidates = new[] { type }.Concat(type.GetInterfaces())
                .SelectMany(i => i.GetMethods())
                .Where(m => m.Name == name)
                .ToArray();
            return candidates.Length switch
            {
                1 => new GrainMethod(candidates[0]),
                0 => throw new InvalidOperationException($"{type.Name} has no method {name}."),
                _ => throw new InvalidOperationException($"{type.Name}.{name} is overloaded; grain methods need unique names."),
            };
        });
}

/// <summary>A grain interface method with what the runtime needs to call it.</summary>
internal sealed class GrainMethod
{
    private readonly PropertyInfo? _resultProperty;

    public GrainMethod(MethodInfo method)
    {
        Method = method;
        if (!typeof(Task).IsAssignableFrom(method.ReturnType))
        {
            throw new InvalidOperationException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
        }

        ResultType = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;
        _resultProperty = ResultType is null ? null : method.ReturnType.GetProperty(nameof(Task<object>.Result));
        Interleave = method.GetCustomAttribute<AlwaysInterleaveAttribute>() is not null;
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
    }

    public MethodInfo Method { get; }

    public string Name => Method.Name;

    /// <summary>The T of Task&lt;T&gt;, or null for a plain Task.</summary>
    public Type? ResultType { get; }

    public bool Interleave { get; }

    public Type[] ParameterTypes { get; }

    /// <summary>Calls the method on a grain instance and returns its result (null for Task).</summary>
    public async Task<object?> InvokeAsync(object grain, object?[] arguments)
    {
        Task task;
        try
        {
            task = (Task)Method.Invoke(grain, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        await task.ConfigureAwait(false);
        return _resultProperty?.GetValue(task);
    }
}
