using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SyncHire.Chaos.Tests.Kubernetes;

/// <summary>
/// What an ops team relies on when it runs `kubectl apply -k k8s/`: every object renders; one Deployment of identical
/// pods, each a gateway and an Orleans silo, carrying what Orleans' Kubernetes hosting needs (the orleans/* labels,
/// the POD_* and ORLEANS_* variables from the downward API, a ServiceAccount allowed to read and watch the pods);
/// probes point at the app's health endpoints on the port it listens on; the public Service exposes HTTP only;
/// termination leaves time for the drain; budgets and autoscaler point at the Deployment; no secret sits in a
/// ConfigMap; every container runs the gateway image and is sized.
/// </summary>
public sealed partial class ManifestTests
{
    private const string App = "synchire";
    private const string Image = "synchire/gateway";
    private const string ServiceIdLabel = "orleans/serviceId";
    private const string ClusterIdLabel = "orleans/clusterId";

    private static readonly Lazy<IReadOnlyList<JsonElement>> Objects = new(RenderedManifests.Render);

    [Fact]
    public void The_kustomization_renders_every_object_an_operator_needs_into_one_namespace()
    {
        var kinds = Objects.Value.Select(o => $"{Kind(o)}/{Name(o)}").ToHashSet();
        string[] expected =
        [
            "Namespace/synchire", "ConfigMap/synchire-config", "Secret/synchire-secrets", "StatefulSet/postgres", "Service/postgres",
            "ServiceAccount/synchire", "Role/synchire-orleans-hosting", "RoleBinding/synchire-orleans-hosting",
            "Job/synchire-migrate", "Deployment/synchire", "Service/synchire", "PodDisruptionBudget/synchire",
            "HorizontalPodAutoscaler/synchire",
        ];
        Assert.Empty(expected.Except(kinds));
        Assert.All(Objects.Value.Where(o => Kind(o) != "Namespace"),
            o => Assert.Equal("synchire", o.GetProperty("metadata").GetProperty("namespace").GetString()));

        // One kind of process: no separate silo or gateway deployment is left behind.
        Assert.Equal(App, Name(Assert.Single(Objects.Value, o => Kind(o) == "Deployment")));
    }

    [Fact]
    public void Probes_use_the_health_endpoints_on_the_http_port_the_app_listens_on()
    {
        var container = Container();
        var listening = new Uri(Argument(container, "--urls")).Port;
        var http = Port(container, "http");
        Assert.Equal(listening, http.GetProperty("containerPort").GetInt32());

        foreach (var (probe, path) in new[] { ("startupProbe", "/health/live"), ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
        {
            var get = container.GetProperty(probe).GetProperty("httpGet");
            Assert.Equal(path, get.GetProperty("path").GetString());
            Assert.Equal("http", get.GetProperty("port").GetString());
        }

        // Prometheus scrapes /metrics on the same port.
        var annotations = Pod().GetProperty("metadata").GetProperty("annotations");
        Assert.Equal("true", annotations.GetProperty("prometheus.io/scrape").GetString());
        Assert.Equal(listening.ToString(CultureInfo.InvariantCulture), annotations.GetProperty("prometheus.io/port").GetString());
        Assert.Equal("/metrics", annotations.GetProperty("prometheus.io/path").GetString());
    }

    [Fact]
    public void Pods_carry_the_orleans_labels_and_the_pod_identity_from_the_downward_api()
    {
        var labels = Pod().GetProperty("metadata").GetProperty("labels");
        Assert.False(string.IsNullOrEmpty(labels.GetProperty(ServiceIdLabel).GetString()), ServiceIdLabel);
        Assert.False(string.IsNullOrEmpty(labels.GetProperty(ClusterIdLabel).GetString()), ClusterIdLabel);

        // The names Orleans.Hosting.Kubernetes reads (KubernetesHostingOptions); the cluster identity it joins with is
        // read from the very labels it selects the cluster's pods by, and so is the app's own Cluster:ServiceId/ClusterId.
        var env = Env(Container());
        var expected = new Dictionary<string, string>
        {
            ["POD_NAME"] = "metadata.name",
            ["POD_NAMESPACE"] = "metadata.namespace",
            ["POD_IP"] = "status.podIP",
            ["ORLEANS_SERVICE_ID"] = $"metadata.labels['{ServiceIdLabel}']",
            ["ORLEANS_CLUSTER_ID"] = $"metadata.labels['{ClusterIdLabel}']",
            ["Cluster__ServiceId"] = $"metadata.labels['{ServiceIdLabel}']",
            ["Cluster__ClusterId"] = $"metadata.labels['{ClusterIdLabel}']",
        };
        foreach (var (name, field) in expected)
        {
            Assert.True(env.TryGetValue(name, out var variable), $"{name} is set");
            Assert.Equal(field, variable.GetProperty("valueFrom").GetProperty("fieldRef").GetProperty("fieldPath").GetString());
        }
    }

    [Fact]
    public void Each_pod_declares_the_silo_port_the_app_uses_and_the_admin_port()
    {
        var container = Container();
        var siloPort = Port(container, "silo").GetProperty("containerPort").GetInt32();
        Assert.Equal(11111, siloPort);
        Assert.Equal(siloPort.ToString(CultureInfo.InvariantCulture), Config().GetProperty("Cluster__SiloPort").GetString());
        Assert.Equal("postgres", Config().GetProperty("Cluster__Storage").GetString());
        Assert.Equal(8081, Port(container, "admin").GetProperty("containerPort").GetInt32());
    }

    [Fact]
    public void Pods_run_as_a_service_account_whose_role_may_read_watch_and_delete_pods()
    {
        var pod = Pod().GetProperty("spec");
        var account = pod.GetProperty("serviceAccountName").GetString()!;
        Assert.NotEqual("default", account);
        var serviceAccount = Object("ServiceAccount", account);
        // The pod's setting wins over the account's; either way the token Orleans calls the API with must be mounted.
        var mounts = pod.TryGetProperty("automountServiceAccountToken", out var podMount) ? podMount
            : serviceAccount.TryGetProperty("automountServiceAccountToken", out var accountMount) ? accountMount : default;
        Assert.NotEqual(JsonValueKind.False, mounts.ValueKind);

        var binding = Objects.Value.Single(o => Kind(o) == "RoleBinding" && o.GetProperty("subjects").EnumerateArray().Any(s =>
            s.GetProperty("kind").GetString() == "ServiceAccount" && s.GetProperty("name").GetString() == account));
        var subject = binding.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("name").GetString() == account);
        Assert.Equal("synchire", subject.GetProperty("namespace").GetString());
        var roleRef = binding.GetProperty("roleRef");
        Assert.Equal("Role", roleRef.GetProperty("kind").GetString());

        var role = Object("Role", roleRef.GetProperty("name").GetString()!);
        var verbs = role.GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("apiGroups").EnumerateArray().Any(g => g.GetString() == "")
                && r.GetProperty("resources").EnumerateArray().Any(x => x.GetString() == "pods"))
            .SelectMany(r => r.GetProperty("verbs").EnumerateArray().Select(v => v.GetString()!))
            .ToHashSet();
        // patch: the agent writes the orleans/* labels onto its own pod when they differ from its cluster identity.
        Assert.Empty(new[] { "get", "list", "watch", "patch", "delete" }.Except(verbs));
    }

    [Fact]
    public void The_public_service_exposes_only_http()
    {
        var labels = Pod().GetProperty("metadata").GetProperty("labels");
        Assert.True(Selects(Object("Service", App), labels), "the Service sends to the Deployment's pods");
        var service = Object("Service", App).GetProperty("spec");

        var container = Container();
        var http = Port(container, "http").GetProperty("containerPort").GetInt32();
        var port = Assert.Single(service.GetProperty("ports").EnumerateArray());
        Assert.Equal(80, port.GetProperty("port").GetInt32());
        Assert.Equal(http, TargetPort(container, port));

        // Neither Orleans' silo port (pod to pod) nor the dashboard's admin port (port-forward) is behind any Service
        // that selects these pods.
        var hidden = new[] { "silo", "admin" }.Select(n => Port(container, n).GetProperty("containerPort").GetInt32()).ToList();
        foreach (var other in Objects.Value.Where(o => Kind(o) == "Service" && Selects(o, labels)))
        {
            foreach (var exposed in other.GetProperty("spec").GetProperty("ports").EnumerateArray())
            {
                Assert.DoesNotContain(TargetPort(container, exposed), hidden);
            }
        }
    }

    [Fact]
    public void Termination_waits_for_endpoints_to_update_and_leaves_the_silo_time_to_drain()
    {
        var pod = Pod().GetProperty("spec");
        var container = Container();
        var preStop = container.GetProperty("lifecycle").GetProperty("preStop").GetProperty("exec").GetProperty("command").EnumerateArray()
            .Select(c => c.GetString()!).ToList();
        Assert.Equal("sleep", preStop[0]);
        var preStopSeconds = int.Parse(preStop[1], CultureInfo.InvariantCulture);
        Assert.True(preStopSeconds >= 5, "long enough for the endpoint removal to reach every proxy");
        var drainSeconds = HostShutdownTimeoutSeconds();
        var grace = pod.GetProperty("terminationGracePeriodSeconds").GetInt32();
        Assert.True(grace > preStopSeconds + drainSeconds, $"grace {grace} s must exceed preStop {preStopSeconds} s + drain {drainSeconds} s");

        var rollout = Deployment().GetProperty("spec").GetProperty("strategy").GetProperty("rollingUpdate");
        Assert.Equal(0, rollout.GetProperty("maxUnavailable").GetInt32());
    }

    [Fact]
    public void Disruption_budget_and_autoscaler_target_the_deployment_and_keep_capacity()
    {
        var labels = Pod().GetProperty("metadata").GetProperty("labels");
        var budget = Object("PodDisruptionBudget", App).GetProperty("spec");
        foreach (var selector in budget.GetProperty("selector").GetProperty("matchLabels").EnumerateObject())
        {
            Assert.Equal(selector.Value.GetString(), labels.GetProperty(selector.Name).GetString());
        }

        var autoscaler = Assert.Single(Objects.Value, o => Kind(o) == "HorizontalPodAutoscaler").GetProperty("spec");
        var target = autoscaler.GetProperty("scaleTargetRef");
        Assert.Equal(("Deployment", App), (target.GetProperty("kind").GetString(), target.GetProperty("name").GetString()));
        var minimum = autoscaler.GetProperty("minReplicas").GetInt32();
        Assert.True(minimum > budget.GetProperty("maxUnavailable").GetInt32(), "a voluntary disruption never takes every replica");
        Assert.True(autoscaler.GetProperty("maxReplicas").GetInt32() > minimum);
        Assert.True(Deployment().GetProperty("spec").GetProperty("replicas").GetInt32() >= minimum);
    }

    [Fact]
    public void Config_maps_hold_no_secret()
    {
        var secret = Object("Secret", "synchire-secrets");
        var secretData = secret.GetProperty("stringData").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Contains("Cluster__ConnectionString", secretData.Keys);
        Assert.Contains("Gateway__TokenSigningKey", secretData.Keys);

        foreach (var map in Objects.Value.Where(o => Kind(o) == "ConfigMap"))
        {
            foreach (var entry in map.GetProperty("data").EnumerateObject())
            {
                Assert.False(secretData.ContainsKey(entry.Name), $"ConfigMap/{Name(map)} sets {entry.Name}, which belongs in the secret");
                Assert.False(SecretName().IsMatch(entry.Name), $"ConfigMap/{Name(map)} sets {entry.Name}, which looks like a secret");
                var value = entry.Value.GetString() ?? "";
                Assert.DoesNotContain(secretData.Values, v => v.Length >= 8 && value.Contains(v, StringComparison.Ordinal));
            }
        }

        // Nor does a workload spell one out in its environment.
        foreach (var container in Workloads().SelectMany(Containers))
        {
            foreach (var (name, variable) in Env(container))
            {
                Assert.False(SecretName().IsMatch(name) && variable.TryGetProperty("value", out _), $"{name} is given as a literal");
            }
        }
    }

    [Fact]
    public void Tenants_webhooks_may_not_reach_the_cluster_network()
    {
        Assert.Equal("false", Config().GetProperty("Webhooks__AllowPrivateNetworks").GetString());
        Assert.Equal("postgres", Config().GetProperty("Cluster__Storage").GetString());
    }

    [Fact]
    public void Every_workload_runs_the_gateway_image_and_the_job_migrates_with_the_pods_settings()
    {
        foreach (var container in Workloads().Where(w => Name(w) != "postgres").SelectMany(Containers))
        {
            var image = container.GetProperty("image").GetString()!;
            Assert.Equal(Image, image.Split(':')[0]);
        }

        // `dotnet SyncHire.Gateway.dll migrate` (the image's entry point plus this argument), with the pods' settings.
        var job = Container(Object("Job", "synchire-migrate"));
        Assert.Equal("migrate", Assert.Single(job.GetProperty("args").EnumerateArray()).GetString());
        Assert.Equal(EnvFrom(Container()), EnvFrom(job));
    }

    [Fact]
    public void Containers_request_and_limit_cpu_and_memory()
    {
        foreach (var container in new[] { Container(), Container(Object("Job", "synchire-migrate")) })
        {
            var resources = container.GetProperty("resources");
            foreach (var kind in new[] { "requests", "limits" })
            {
                Assert.True(resources.GetProperty(kind).TryGetProperty("cpu", out _), $"{container.GetProperty("name")} {kind}.cpu");
                Assert.True(resources.GetProperty(kind).TryGetProperty("memory", out _), $"{container.GetProperty("name")} {kind}.memory");
            }
        }
    }

    /// <summary>
    /// The drain: the host's shutdown timeout, which the app sets in code (HostOptions in SiloHostingExtensions), so the
    /// grace period is checked against the figure the process really uses.
    /// </summary>
    private static int HostShutdownTimeoutSeconds()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "Silo", "Hosting", "SiloHostingExtensions.cs");
        var match = ShutdownTimeout().Match(File.ReadAllText(source));
        Assert.True(match.Success, $"HostOptions.ShutdownTimeout = TimeSpan.FromSeconds(n) not found in {source}; update this test to read the drain from where it is set now.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"ShutdownTimeout\s*=\s*TimeSpan\.FromSeconds\((\d+)\)")]
    private static partial Regex ShutdownTimeout();

    [GeneratedRegex("ConnectionString|Secret|SigningKey|ApiKey|Password|Token$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    private static string? Kind(JsonElement o) => o.GetProperty("kind").GetString();

    private static string? Name(JsonElement o) => o.GetProperty("metadata").GetProperty("name").GetString();

    private static JsonElement Object(string kind, string name) =>
        Objects.Value.Single(o => Kind(o) == kind && Name(o) == name);

    private static JsonElement Deployment() => Object("Deployment", App);

    private static IEnumerable<JsonElement> Workloads() =>
        Objects.Value.Where(o => Kind(o) is "Deployment" or "StatefulSet" or "Job");

    private static JsonElement Pod(JsonElement workload) => workload.GetProperty("spec").GetProperty("template");

    private static JsonElement Pod() => Pod(Deployment());

    private static IEnumerable<JsonElement> Containers(JsonElement workload) =>
        Pod(workload).GetProperty("spec").GetProperty("containers").EnumerateArray();

    private static JsonElement Container(JsonElement workload) => Containers(workload).Single();

    private static JsonElement Container() => Container(Deployment());

    private static JsonElement Config() => Object("ConfigMap", "synchire-config").GetProperty("data");

    private static JsonElement Port(JsonElement container, string name) =>
        container.GetProperty("ports").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    private static string Argument(JsonElement container, string option) =>
        container.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).SkipWhile(a => a != option).Skip(1).First();

    private static Dictionary<string, JsonElement> Env(JsonElement container) =>
        container.TryGetProperty("env", out var env) ? env.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!) : [];

    private static List<string> EnvFrom(JsonElement container) =>
        [.. container.GetProperty("envFrom").EnumerateArray().Select(e => e.GetRawText())];

    /// <summary>The container port a Service port sends to (targetPort by name or number; port when it is absent).</summary>
    private static int TargetPort(JsonElement container, JsonElement servicePort)
    {
        var target = servicePort.TryGetProperty("targetPort", out var t) ? t : servicePort.GetProperty("port");
        return target.ValueKind == JsonValueKind.String ? Port(container, target.GetString()!).GetProperty("containerPort").GetInt32() : target.GetInt32();
    }

    private static bool Selects(JsonElement service, JsonElement podLabels) =>
        service.GetProperty("spec").TryGetProperty("selector", out var selector)
        && selector.EnumerateObject().All(s => podLabels.TryGetProperty(s.Name, out var v) && v.GetString() == s.Value.GetString());
}
