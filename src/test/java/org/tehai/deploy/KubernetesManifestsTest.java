package org.tehai.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubernetes manifests under {@code k8s/} as a cluster would get them: both overlays rendered by
 * {@code kubectl kustomize}, every core object read into the typed Kubernetes model (a misspelt or misplaced field
 * fails), the custom resources (CloudNativePG, Barman Cloud, Prometheus Operator) checked field by field against the
 * part of their documented schema the manifests use, and the rules that make the objects fit together and fit the
 * application: probes on the health paths and the port the application and the image listen on, replicas, disruption
 * budget and autoscaler consistent, every referenced Secret and ConfigMap present or named as made by hand or by the
 * operator (and documented), the solver lease shorter than the termination grace period, no {@code latest} image.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final int APP_PORT = 8080;
    private static final String HEALTH = "/q/health/";

    /** Secrets an operator makes, per overlay: CloudNativePG's application account of the cluster tehai-db. */
    private static final Map<String, Set<String>> MADE_BY_OPERATOR = Map.of("dev", Set.of(), "prod",
            Set.of("tehai-db-app"));
    /** Secrets made by hand (k8s/README.md says how), per overlay. */
    private static final Map<String, Set<String>> MADE_BY_HAND = Map.of("dev", Set.of("tehai-db-app",
            "tehai-credentials"), "prod", Set.of("tehai-credentials", "tehai-backup-s3", "tehai-tls"));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Kubernetes model binds with Jackson 3. */
    private static final tools.jackson.databind.ObjectMapper MODEL = JsonMapper.builder().build();

    private static final Map<String, Class<? extends HasMetadata>> CORE_KINDS = Map.of(
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    /** One rendered overlay: the typed core objects and the custom resources as trees. */
    private record Rendered(String overlay, List<HasMetadata> core, List<JsonNode> custom) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return core.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type);
            assertThat(found).as("%s objects in overlay %s", type.getSimpleName(), overlay).hasSize(1);
            return found.get(0);
        }

        List<JsonNode> custom(String kind) {
            return custom.stream().filter(node -> kind.equals(node.path("kind").asText())).toList();
        }
    }

    @Test
    void shouldRenderTheDevOverlayIntoObjectsThatFitTogether() throws Exception {
        Rendered dev = render("dev");
        checkApplication(dev);
        assertThat(dev.one(Deployment.class).getSpec().getReplicas()).as("dev replicas").isEqualTo(1);
        assertThat(dev.all(HorizontalPodAutoscaler.class)).as("dev has no autoscaler (no metrics adapter)").isEmpty();
        assertThat(dev.custom).as("custom resources in dev").isEmpty();

        StatefulSet postgres = dev.one(StatefulSet.class);
        Container database = postgres.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(database.getImage()).as("dev database image").startsWith("postgres:17.");
        assertThat(postgres.getSpec().getVolumeClaimTemplates()).as("the database keeps its files on a volume")
                .isNotEmpty();
        assertThat(postgres.getSpec().getTemplate().getMetadata().getLabels())
                .as("database pod labels the application's egress rule allows")
                .containsEntry("app.kubernetes.io/component", "database")
                .containsEntry("app.kubernetes.io/part-of", "tehai");
        assertThat(jdbcUrl(dev)).contains("//" + serviceSelecting(dev, postgres.getSpec().getTemplate()) + ":5432/");
    }

    @Test
    void shouldRenderTheProdOverlayIntoObjectsThatFitTogether() throws Exception {
        Rendered prod = render("prod");
        checkApplication(prod);
        Deployment deployment = prod.one(Deployment.class);
        HorizontalPodAutoscaler hpa = prod.one(HorizontalPodAutoscaler.class);
        PodDisruptionBudget pdb = prod.one(PodDisruptionBudget.class);
        assertThat(deployment.getSpec().getReplicas()).as("prod replicas").isEqualTo(3);

        // Replicas, autoscaler and disruption budget.
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).as("HPA minimum = the Deployment's replicas")
                .isEqualTo(deployment.getSpec().getReplicas());
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        int disruptable = allowedDisruptions(pdb, hpa.getSpec().getMinReplicas());
        assertThat(disruptable).as("a node drain can go ahead, one replica at a time").isEqualTo(1);
        assertThat(hpa.getSpec().getMinReplicas() - disruptable).as("replicas left serving during a drain")
                .isGreaterThanOrEqualTo(2);
        // Load, not CPU: the solvers keep the CPU busy whatever the traffic.
        assertThat(hpa.getSpec().getMetrics()).as("HPA metrics").allSatisfy(metric -> {
            assertThat(metric.getType()).isEqualTo("Pods");
            assertThat(metric.getPods().getMetric().getName()).startsWith("http_server_requests");
        });

        // Egress by address, never to everywhere.
        NetworkPolicy policy = prod.one(NetworkPolicy.class);
        assertThat(policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream())
                .filter(peer -> peer.getIpBlock() != null).map(peer -> peer.getIpBlock().getCidr()))
                .as("egress address blocks (webhook, identity provider)").hasSize(2).doesNotContain("0.0.0.0/0");

        // The database: CloudNativePG, its Secret and Service, enough connections for the most replicas.
        List<JsonNode> clusters = prod.custom("Cluster");
        assertThat(clusters).hasSize(1);
        JsonNode cluster = clusters.get(0);
        String clusterName = cluster.at("/metadata/name").asText();
        assertThat(cluster.at("/spec/instances").asInt()).as("PostgreSQL instances").isEqualTo(3);
        assertThat(cluster.at("/spec/imageName").asText()).contains("postgresql:17.");
        assertThat(jdbcUrl(prod)).as("JDBC URL: the cluster's read-write Service")
                .contains("//" + clusterName + "-rw:5432/" + cluster.at("/spec/bootstrap/initdb/database").asText());
        assertThat(MADE_BY_OPERATOR.get("prod")).contains(clusterName + "-app");
        int poolSize = Integer.parseInt(setting(prod, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "20"));
        int maxConnections = Integer.parseInt(cluster.at("/spec/postgresql/parameters/max_connections").asText("100"));
        assertThat(hpa.getSpec().getMaxReplicas() * poolSize).as("connections of the most replicas")
                .isLessThan(maxConnections - 10);
        assertThat(cluster.at("/spec/inheritedMetadata/labels")).as("database pod labels the egress rule allows")
                .isEqualTo(YAML.valueToTree(Map.of("app.kubernetes.io/part-of", "tehai",
                        "app.kubernetes.io/component", "database")));

        // Backups: the plugin's object store by name, and a schedule on this cluster through the same plugin.
        String plugin = "barman-cloud.cloudnative-pg.io";
        JsonNode archiver = cluster.at("/spec/plugins/0");
        assertThat(archiver.path("name").asText()).isEqualTo(plugin);
        assertThat(archiver.path("isWALArchiver").asBoolean()).isTrue();
        List<JsonNode> stores = prod.custom("ObjectStore");
        assertThat(stores).hasSize(1);
        assertThat(archiver.at("/parameters/barmanObjectName").asText())
                .isEqualTo(stores.get(0).at("/metadata/name").asText());
        assertThat(stores.get(0).at("/spec/retentionPolicy").asText()).matches("\\d+[dwm]");
        List<JsonNode> schedules = prod.custom("ScheduledBackup");
        assertThat(schedules).hasSize(1);
        assertThat(schedules.get(0).at("/spec/cluster/name").asText()).isEqualTo(clusterName);
        assertThat(schedules.get(0).at("/spec/method").asText()).isEqualTo("plugin");
        assertThat(schedules.get(0).at("/spec/pluginConfiguration/name").asText()).isEqualTo(plugin);
        assertThat(schedules.get(0).at("/spec/schedule").asText().split(" ")).as("schedule with seconds")
                .hasSize(6);

        // Metrics: the ServiceMonitor finds the application's Service and scrapes its metrics path by port name.
        List<JsonNode> monitors = prod.custom("ServiceMonitor");
        assertThat(monitors).hasSize(1);
        Service service = prod.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals("tehai"))
                .findFirst().orElseThrow();
        monitors.get(0).at("/spec/selector/matchLabels").properties().forEach(label -> assertThat(
                service.getMetadata().getLabels()).as("labels of Service tehai")
                .containsEntry(label.getKey(), label.getValue().asText()));
        JsonNode endpoint = monitors.get(0).at("/spec/endpoints/0");
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        assertThat(service.getSpec().getPorts().stream().map(ServicePort::getName))
                .contains(endpoint.path("port").asText());
    }

    // ---- What both overlays must get right ----

    private void checkApplication(Rendered rendered) throws IOException {
        Deployment deployment = rendered.one(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container app = pod.getContainers().stream().filter(c -> c.getName().equals("tehai")).findFirst().orElseThrow();
        String what = "overlay " + rendered.overlay;

        // One port, the application's, the image's, the Service's and the probes'.
        assertThat(applicationProperties().getProperty("quarkus.http.port")).isEqualTo(Integer.toString(APP_PORT));
        assertThat(dockerfile()).as("Dockerfile.jvm").containsPattern("(?m)^EXPOSE " + APP_PORT + "$");
        assertThat(app.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .as("container ports, %s", what).containsExactly(org.assertj.core.groups.Tuple.tuple("http", APP_PORT));
        assertThat(setting(rendered, "QUARKUS_HTTP_PORT", Integer.toString(APP_PORT))).isEqualTo(Integer.toString(APP_PORT));
        checkProbe(app.getStartupProbe(), "started", what);
        checkProbe(app.getReadinessProbe(), "ready", what);
        checkProbe(app.getLivenessProbe(), "live", what);
        Service service = rendered.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals("tehai"))
                .findFirst().orElseThrow();
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> assertThat(port.getTargetPort())
                .isIn(new IntOrString("http"), new IntOrString(APP_PORT)));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as("pod labels the Service selects")
                .containsAllEntriesOf(service.getSpec().getSelector());

        // No latest, no untagged image, anywhere.
        List<Container> containers = new ArrayList<>();
        for (PodSpec spec : podSpecs(rendered)) {
            containers.addAll(spec.getContainers());
            containers.addAll(spec.getInitContainers());
        }
        assertThat(containers).as("containers of %s", what).isNotEmpty().allSatisfy(container -> {
            String image = container.getImage();
            assertThat(image).as("image of %s", container.getName()).matches(".+(:[\\w][\\w.-]*|@sha256:[0-9a-f]{64})$")
                    .doesNotEndWith(":latest");
        });
        assertThat(app.getImage()).as("the application's image is replaced by the overlay").contains("/");

        // The lease hand-over fits into the grace period: a replica that cannot hand over in time is killed, and
        // its leases then expire by themselves within the TTL.
        Duration ttl = Duration.parse(setting(rendered, "TEHAI_DISPATCH_LEASE_TTL", "PT30S"));
        long grace = pod.getTerminationGracePeriodSeconds();
        assertThat(ttl.toSeconds()).as("lease TTL vs terminationGracePeriodSeconds (%d), %s", grace, what)
                .isLessThan(grace);

        // Rollouts never go below the replicas, so never below the disruption budget.
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
                .isEqualTo(new IntOrString(0));
        PodDisruptionBudget pdb = rendered.one(PodDisruptionBudget.class);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as("pod labels the PDB selects")
                .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        assertThat(allowedDisruptions(pdb, deployment.getSpec().getReplicas())).as("drainable, %s", what)
                .isGreaterThanOrEqualTo(1);

        // Non-root, read-only root file system, a writable /tmp; the image's user is the pod's.
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).as("the image's user (Jib and Dockerfile)")
                .isEqualTo(Long.parseLong(applicationProperties().getProperty("quarkus.jib.user")));
        assertThat(dockerfile()).containsPattern("(?m)^USER " + pod.getSecurityContext().getRunAsUser() + "$");
        assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(app.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        String tmpVolume = app.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .map(m -> m.getName()).findFirst().orElseThrow(() -> new AssertionError("no /tmp mount in " + what));
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(tmpVolume)).singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).as("/tmp is an emptyDir").isNotNull());

        // Requests and limits; the heap leaves room in the memory limit.
        Map<String, Quantity> requests = app.getResources().getRequests();
        Map<String, Quantity> limits = app.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKey("memory");
        assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
        assertThat(Integer.parseInt(setting(rendered, "JAVA_MAX_MEM_RATIO", "80"))).isBetween(50, 80);

        // Settings: every TEHAI_* key is one the README documents.
        String readme = Files.readString(Path.of("README.md"));
        for (String key : configMap(rendered).getData().keySet()) {
            if (key.startsWith("TEHAI_")) {
                String property = "tehai." + key.substring(6).toLowerCase().replace('_', '.');
                Pattern documented = Pattern.compile("\\| `(" + Pattern.quote(property).replace(".", "[.-]")
                        .replace("\\Q", "").replace("\\E", "") + ")`");
                assertThat(readme).as("README documents %s (from %s)", property, key).containsPattern(documented);
            }
        }

        // Secrets and ConfigMaps: each one referenced exists here or is made by hand or by the operator.
        Set<String> present = new TreeSet<>();
        rendered.core.stream().filter(o -> o instanceof Secret || o instanceof ConfigMap)
                .forEach(o -> present.add(o.getKind() + "/" + o.getMetadata().getName()));
        Set<String> missing = new TreeSet<>();
        for (String reference : references(rendered)) {
            String name = reference.substring(reference.indexOf('/') + 1);
            boolean listed = reference.startsWith("Secret/") && (MADE_BY_HAND.get(rendered.overlay).contains(name)
                    || MADE_BY_OPERATOR.get(rendered.overlay).contains(name));
            if (!present.contains(reference) && !listed) {
                missing.add(reference);
            }
        }
        assertThat(missing).as("referenced in %s but neither there nor made by hand or by the operator", what)
                .isEmpty();
        String k8sReadme = Files.readString(K8S.resolve("README.md"));
        for (String secret : MADE_BY_HAND.get(rendered.overlay)) {
            assertThat(k8sReadme).as("k8s/README.md says how to make the Secret %s", secret).contains(secret);
        }

        // Network: in on the HTTP port only; out to DNS and PostgreSQL at least.
        NetworkPolicy policy = rendered.one(NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getPorts())
                .extracting(NetworkPolicyPort::getPort).containsExactly(new IntOrString("http")));
        List<Integer> egressPorts = policy.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream())
                .map(p -> p.getPort().getIntVal()).toList();
        assertThat(egressPorts).contains(53, 5432);
        assertThat(policy.getSpec().getEgress()).as("every egress rule names its port")
                .allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty());
        NetworkPolicyEgressRule database = policy.getSpec().getEgress().stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 5432)).findFirst()
                .orElseThrow();
        assertThat(database.getTo()).extracting(NetworkPolicyPeer::getPodSelector).isNotEmpty().doesNotContainNull();

        // The Ingress sends everything to the Service's HTTP port.
        Ingress ingress = rendered.one(Ingress.class);
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> assertThat(
                rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                    assertThat(path.getBackend().getService().getName()).isEqualTo("tehai");
                    assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
                }));
    }

    private static void checkProbe(Probe probe, String check, String what) {
        assertThat(probe).as("%s probe, %s", check, what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s probe path, %s", check, what).isEqualTo(HEALTH + check);
        assertThat(probe.getHttpGet().getPort()).as("%s probe port, %s", check, what)
                .isIn(new IntOrString("http"), new IntOrString(APP_PORT));
    }

    private static int allowedDisruptions(PodDisruptionBudget pdb, int replicas) {
        IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
        IntOrString minAvailable = pdb.getSpec().getMinAvailable();
        assertThat(maxUnavailable == null ^ minAvailable == null).as("PDB sets exactly one of its two limits").isTrue();
        if (maxUnavailable != null) {
            assertThat(maxUnavailable.getIntVal()).as("PDB maxUnavailable as a count").isNotNull();
            return Math.min(replicas, maxUnavailable.getIntVal());
        }
        assertThat(minAvailable.getIntVal()).as("PDB minAvailable as a count").isNotNull();
        return Math.max(0, replicas - minAvailable.getIntVal());
    }

    // ---- Rendering and reading ----

    private static Rendered render(String overlay) throws IOException, InterruptedException {
        Path directory = K8S.resolve("overlays").resolve(overlay);
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", directory.toString()).redirectErrorStream(false)
                    .start();
        } catch (IOException notFound) {
            throw new AssertionError("These checks render the manifests with 'kubectl kustomize' (kubectl 1.27+ has "
                    + "kustomize 5 built in), and kubectl is not on the PATH: install it "
                    + "(https://kubernetes.io/docs/tasks/tools/) and run the tests again. (" + notFound.getMessage()
                    + ")", notFound);
        }
        byte[] out;
        byte[] err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            out = stdout.readAllBytes();
            err = stderr.readAllBytes();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s: %s", directory, new String(err,
                StandardCharsets.UTF_8)).isZero();

        List<HasMetadata> core = new ArrayList<>();
        List<JsonNode> custom = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(out)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                String where = overlay + ": " + key + " " + document.at("/metadata/name").asText();
                Class<? extends HasMetadata> type = CORE_KINDS.get(key);
                if (type != null) {
                    HasMetadata object = MODEL.readValue(JSON.writeValueAsString(document), type);
                    List<String> unknown = new ArrayList<>();
                    unknownFields(object, key, unknown);
                    assertThat(unknown).as("fields the Kubernetes model does not know, %s", where).isEmpty();
                    core.add(object);
                } else {
                    JsonNode schema = CustomResourceSchemas.SCHEMAS.get(key);
                    if (schema == null) {
                        fail("No schema for the custom resource %s; add its documented fields to CustomResourceSchemas",
                                where);
                    }
                    List<String> problems = new ArrayList<>();
                    CustomResourceSchemas.check(document, schema, key, problems);
                    assertThat(problems).as("%s against its documented schema", where).isEmpty();
                    custom.add(document);
                }
            }
        }
        assertThat(core).as("objects rendered from %s", overlay).isNotEmpty();
        return new Rendered(overlay, core, custom);
    }

    /**
     * Fields the model kept aside because it has no place for them (a typo, a wrong indentation, a field of another
     * API version): the model's objects gather them in {@code additionalProperties}.
     */
    private static void unknownFields(Object object, String path, List<String> unknown) {
        if (object == null || object instanceof String || object instanceof Number || object instanceof Boolean
                || object instanceof Enum<?> || object instanceof Quantity || object instanceof IntOrString) {
            return;
        }
        if (object instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, unknown));
            return;
        }
        if (!object.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(value, path + "." + field, unknown);
        }
    }

    private static List<PodSpec> podSpecs(Rendered rendered) {
        List<PodSpec> specs = new ArrayList<>();
        rendered.all(Deployment.class).forEach(d -> specs.add(d.getSpec().getTemplate().getSpec()));
        rendered.all(StatefulSet.class).forEach(s -> specs.add(s.getSpec().getTemplate().getSpec()));
        return specs;
    }

    /** Every Secret and ConfigMap an object names, as "Kind/name". */
    private static Set<String> references(Rendered rendered) {
        Set<String> names = new TreeSet<>();
        for (PodSpec spec : podSpecs(rendered)) {
            List<Container> containers = new ArrayList<>(spec.getContainers());
            containers.addAll(spec.getInitContainers());
            for (Container container : containers) {
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getSecretRef() != null) {
                        names.add("Secret/" + source.getSecretRef().getName());
                    }
                    if (source.getConfigMapRef() != null) {
                        names.add("ConfigMap/" + source.getConfigMapRef().getName());
                    }
                }
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        names.add("Secret/" + variable.getValueFrom().getSecretKeyRef().getName());
                    }
                    if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                        names.add("ConfigMap/" + variable.getValueFrom().getConfigMapKeyRef().getName());
                    }
                }
            }
            for (Volume volume : spec.getVolumes()) {
                if (volume.getSecret() != null) {
                    names.add("Secret/" + volume.getSecret().getSecretName());
                }
                if (volume.getConfigMap() != null) {
                    names.add("ConfigMap/" + volume.getConfigMap().getName());
                }
            }
        }
        for (Ingress ingress : rendered.all(Ingress.class)) {
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                names.add("Secret/" + tls.getSecretName());
            }
        }
        for (JsonNode store : rendered.custom("ObjectStore")) {
            store.at("/spec/configuration/s3Credentials").forEach(reference -> {
                if (reference.has("name")) {
                    names.add("Secret/" + reference.path("name").asText());
                }
            });
        }
        return names;
    }

    private static ConfigMap configMap(Rendered rendered) {
        Deployment deployment = rendered.one(Deployment.class);
        String name = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom().stream()
                .filter(source -> source.getConfigMapRef() != null).map(source -> source.getConfigMapRef().getName())
                .findFirst().orElseThrow(() -> new AssertionError("the Deployment reads no ConfigMap"));
        return rendered.all(ConfigMap.class).stream().filter(map -> map.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("ConfigMap " + name + " is not rendered"));
    }

    /** A setting as the application gets it from the ConfigMap, or its default. */
    private static String setting(Rendered rendered, String key, String fallback) {
        return configMap(rendered).getData().getOrDefault(key, fallback);
    }

    private static String jdbcUrl(Rendered rendered) {
        String url = setting(rendered, "QUARKUS_DATASOURCE_JDBC_URL", null);
        assertThat(url).as("QUARKUS_DATASOURCE_JDBC_URL in %s", rendered.overlay).startsWith("jdbc:postgresql://");
        return url;
    }

    private static String serviceSelecting(Rendered rendered, PodTemplateSpec template) {
        return rendered.all(Service.class).stream().filter(service -> service.getSpec().getSelector() != null
                && template.getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet()))
                .map(service -> service.getMetadata().getName()).findFirst()
                .orElseThrow(() -> new AssertionError("no Service selects the pods"));
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static String dockerfile() throws IOException {
        return Files.readString(Path.of("src", "main", "docker", "Dockerfile.jvm"));
    }
}
