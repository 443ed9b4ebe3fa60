using System.Reflection;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Browser.Tests.Modules;

/// <summary>
/// The web app's modules that need no browser, run by node: the room's state machine and speaker status through
/// `node --test` (the *.test.mjs files beside this one), and the page's protocol names checked against the server's.
/// </summary>
public sealed class ModuleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string Directory { get; } = typeof(ModuleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModuleTestsDirectory").Value!;

    [Fact]
    public async Task The_room_modules_pass_their_node_tests()
    {
        var tests = System.IO.Directory.GetFiles(Directory, "*.test.mjs").Order().ToArray();
        Assert.NotEmpty(tests);

        var result = await RunNodeAsync(["--test", .. tests]);

        Assert.True(result.ExitCode == 0, $"node --test exited with {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("# fail 0", result.StandardOutput);
    }

    [Fact]
    public async Task The_page_spells_every_protocol_name_as_the_server_does()
    {
        var result = await RunNodeAsync([Path.Combine(Directory, "protocol-names.mjs")]);
        Assert.True(result.ExitCode == 0, $"protocol-names.mjs exited with {result.ExitCode}:\n{result.StandardError}");
        using var page = JsonDocument.Parse(result.StandardOutput);

        Assert.Equal(Constants(typeof(ClientMessageTypes)), Names(page, "ClientMessage"));
        Assert.Equal(Constants(typeof(ServerEventTypes)), Names(page, "ServerEvent"));
        Assert.Equal(Constants(typeof(EndReasons)), Names(page, "EndReason"));
        Assert.Equal(Constants(typeof(Speakers)), Names(page, "Speaker"));
    }

    private static async Task<BufferedCommandResult> RunNodeAsync(string[] arguments)
    {
        var node = NodeRequirement.Node();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        var result = await Cli.Wrap(node)
            .WithArguments(arguments)
            .WithWorkingDirectory(Directory)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        TestContext.Current.SendDiagnosticMessage($"node {string.Join(' ', arguments.Select(Path.GetFileName))}:\n{result.StandardOutput}{result.StandardError}");
        return result;
    }

    /// <summary>A class's string constants, name → value, sorted by name.</summary>
    private static SortedDictionary<string, string> Constants(Type type) => new(type
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!), StringComparer.Ordinal);

    private static SortedDictionary<string, string> Names(JsonDocument page, string group) => new(page.RootElement.GetProperty(group)
        .EnumerateObject()
        .ToDictionary(property => property.Name, property => property.Value.GetString()!), StringComparer.Ordinal);
}
