using System.Globalization;
using System.Text.Json;

namespace SyncHire.Chaos.Tests.Kubernetes;

/// <summary>
/// What an ops team relies on when it runs `kubectl apply -k k8s/`: every object renders, probes point at the
/// hosts' real health endpoints on the port they listen on, termination leaves time for the drain, disruption
/// budgets and autoscalers point at the deployments, and every container is sized.
/// </summary>
public sealed class ManifestTests
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> Objects = new(RenderedManifests.Render);

    [Fact]
    public void The_kustomization_renders_every_object_an_operator_needs_into_one_namespace()
    {
        var kinds = Objects.Value.Select(o => $"{o.GetProperty("kind").GetString()}/{Name(o)}").ToHashSet();
        string[] expected =
        [
            "Namespace/synchire", "ConfigMap/synchire-config", "Secret/synchire-secrets", "StatefulSet/postgres", "Service/postgres",
            "Deployment/silo", "Deployment/gateway", "Service/gateway", "PodDisruptionBudget/silo", "PodDisruptionBudget/gateway",
            "HorizontalPodAutoscaler/silo", "HorizontalPodAutoscaler/gateway",
        ];
        Assert.Empty(expected.Except(kinds));
        Assert.All(Objects.Value.Where(o => o.GetProperty("kind").GetString() != "Namespace"),
            o => Assert.Equal("synchire", o.GetProperty("metadata").GetProperty("namespace").GetString()));
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("gateway")]
    public void Probes_use_the_health_endpoints_on_the_port_the_host_listens_on(string deployment)
    {
        var container = Container(deployment);
        var urls = container.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).SkipWhile(a => a != "--urls").Skip(1).First();
        var listening = new Uri(urls).Port;
        var port = container.GetProperty("ports").EnumerateArray().Single();
        Assert.Equal(listening, port.GetProperty("containerPort").GetInt32());

        foreach (var (probe, path) in new[] { ("startupProbe", "/health/live"), ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
        {
            var get = container.GetProperty(probe).GetProperty("httpGet");
            Assert.Equal(path, get.GetProperty("path").GetString());
            Assert.Equal(port.GetProperty("name").GetString(), get.GetProperty("port").GetString());
        }
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("gateway")]
    public void Termination_waits_for_endpoints_to_update_and_leaves_the_host_time_to_drain(string deployment)
    {
        var pod = Deployment(deployment).GetProperty("spec").GetProperty("template").GetProperty("spec");
        var container = Container(deployment);
        var preStop = container.GetProperty("lifecycle").GetProperty("preStop").GetProperty("exec").GetProperty("command").EnumerateArray()
            .Select(c => c.GetString()!).ToList();
        Assert.Equal("sleep", preStop[0]);
        var preStopSeconds = int.Parse(preStop[1], CultureInfo.InvariantCulture);
        Assert.True(preStopSeconds >= 5, "long enough for the endpoint removal to reach every proxy");
        var drainSeconds = int.Parse(container.GetProperty("env").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == "ASPNETCORE_SHUTDOWNTIMEOUTSECONDS").GetProperty("value").GetString()!, CultureInfo.InvariantCulture);
        var grace = pod.GetProperty("terminationGracePeriodSeconds").GetInt32();
        Assert.True(grace > preStopSeconds + drainSeconds, $"grace {grace} s must exceed preStop {preStopSeconds} s + drain {drainSeconds} s");

        var rollout = Deployment(deployment).GetProperty("spec").GetProperty("strategy").GetProperty("rollingUpdate");
        Assert.Equal(0, rollout.GetProperty("maxUnavailable").GetInt32());
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("gateway")]
    public void Disruption_budget_and_autoscaler_target_the_deployment_and_keep_capacity(string deployment)
    {
        var labels = Deployment(deployment).GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("labels");
        var budget = Object("PodDisruptionBudget", deployment).GetProperty("spec");
        foreach (var selector in budget.GetProperty("selector").GetProperty("matchLabels").EnumerateObject())
        {
            Assert.Equal(selector.Value.GetString(), labels.GetProperty(selector.Name).GetString());
        }

        var autoscaler = Object("HorizontalPodAutoscaler", deployment).GetProperty("spec");
        var target = autoscaler.GetProperty("scaleTargetRef");
        Assert.Equal(("Deployment", deployment), (target.GetProperty("kind").GetString(), target.GetProperty("name").GetString()));
        var minimum = autoscaler.GetProperty("minReplicas").GetInt32();
        Assert.True(minimum > budget.GetProperty("maxUnavailable").GetInt32(), "a voluntary disruption never takes every replica");
        Assert.True(autoscaler.GetProperty("maxReplicas").GetInt32() > minimum);
        Assert.True(Deployment(deployment).GetProperty("spec").GetProperty("replicas").GetInt32() >= minimum);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("gateway")]
    public void Containers_request_and_limit_cpu_and_memory(string deployment)
    {
        var resources = Container(deployment).GetProperty("resources");
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.True(resources.GetProperty(kind).TryGetProperty("cpu", out _), $"{kind}.cpu");
            Assert.True(resources.GetProperty(kind).TryGetProperty("memory", out _), $"{kind}.memory");
        }
    }

    [Fact]
    public void Each_silo_advertises_its_pod_address_on_its_own_port()
    {
        var container = Container("silo");
        var env = container.GetProperty("env").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal("status.podIP", env["POD_IP"].GetProperty("valueFrom").GetProperty("fieldRef").GetProperty("fieldPath").GetString());
        var port = container.GetProperty("ports").EnumerateArray().Single().GetProperty("containerPort").GetInt32();
        Assert.Equal($"http://$(POD_IP):{port}", env["Cluster__AdvertisedAddress"].GetProperty("value").GetString());
    }

    private static string? Name(JsonElement o) => o.GetProperty("metadata").GetProperty("name").GetString();

    private static JsonElement Object(string kind, string name) =>
        Objects.Value.Single(o => o.GetProperty("kind").GetString() == kind && Name(o) == name);

    private static JsonElement Deployment(string name) => Object("Deployment", name);

    private static JsonElement Container(string deployment) =>
        Deployment(deployment).GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers").EnumerateArray().Single();
}
