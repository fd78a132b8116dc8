package org.tehai.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The part of the custom resources' documented schemas that the manifests use, written down field by field from the
 * projects' API references (CloudNativePG {@code postgresql.cnpg.io/v1} Cluster and ScheduledBackup, the Barman Cloud
 * plugin's {@code barmancloud.cnpg.io/v1} ObjectStore, the Prometheus Operator's {@code monitoring.coreos.com/v1}
 * ServiceMonitor). A field not listed here fails the check: either it is misspelt or misplaced, or it is new to the
 * manifests and its documented type goes here first.
 * <p>
 * The notation: an object lists its fields, a name ending in {@code !} is required; a one-element list is a list of
 * that; {@code string}, {@code integer}, {@code boolean}; {@code map} is a map of strings to strings (or scalars);
 * {@code enum:a|b} one of the values; {@code pattern:regex} a string that matches.
 */
final class CustomResourceSchemas {

    private static final String METADATA = """
              name!: string
              namespace: string
              labels: map
              annotations: map
            """;

    private static final String SECRET_KEY = "{name!: string, key!: string}";

    private static final String TEXT = """
            postgresql.cnpg.io/v1/Cluster:
              apiVersion!: string
              kind!: string
              metadata!:
            %1$s
              spec!:
                instances!: integer
                imageName: string
                primaryUpdateStrategy: "enum:unsupervised|supervised"
                inheritedMetadata: {labels: map, annotations: map}
                bootstrap:
                  initdb: {database: string, owner: string, encoding: string, localeCollate: string, localeCType: string, secret: {name!: string}}
                postgresql:
                  parameters: map
                storage: {size: string, storageClass: string}
                walStorage: {size: string, storageClass: string}
                resources: {requests: map, limits: map}
                plugins:
                  - name!: string
                    enabled: boolean
                    isWALArchiver: boolean
                    parameters: map
            postgresql.cnpg.io/v1/ScheduledBackup:
              apiVersion!: string
              kind!: string
              metadata!:
            %1$s
              spec!:
                schedule!: string
                cluster!: {name!: string}
                backupOwnerReference: "enum:none|self|cluster"
                immediate: boolean
                suspend: boolean
                method: "enum:barmanObjectStore|volumeSnapshot|plugin"
                target: "enum:primary|prefer-standby"
                pluginConfiguration: {name!: string, parameters: map}
            barmancloud.cnpg.io/v1/ObjectStore:
              apiVersion!: string
              kind!: string
              metadata!:
            %1$s
              spec!:
                retentionPolicy: "pattern:^[1-9][0-9]*[dwm]$"
                configuration!:
                  destinationPath!: string
                  endpointURL: string
                  s3Credentials:
                    accessKeyId: %2$s
                    secretAccessKey: %2$s
                    region: %2$s
                    sessionToken: %2$s
                    inheritFromIAMRole: boolean
                  wal: {compression: "enum:bzip2|gzip|lz4|snappy|xz|zstd", maxParallel: integer}
                  data: {compression: "enum:bzip2|gzip|snappy", jobs: integer}
            monitoring.coreos.com/v1/ServiceMonitor:
              apiVersion!: string
              kind!: string
              metadata!:
            %1$s
              spec!:
                jobLabel: string
                selector!: {matchLabels: map}
                namespaceSelector: {any: boolean, matchNames: [string]}
                endpoints!:
                  - port: string
                    path: string
                    scheme: "enum:http|https"
                    interval: "pattern:^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$"
                    scrapeTimeout: "pattern:^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$"
            """.formatted(METADATA.indent(2).stripTrailing(), SECRET_KEY);

    /** Schema per "apiVersion/kind". */
    static final Map<String, JsonNode> SCHEMAS = read();

    private CustomResourceSchemas() {
    }

    private static Map<String, JsonNode> read() {
        try {
            JsonNode all = new ObjectMapper(new YAMLFactory()).readTree(TEXT);
            Map<String, JsonNode> schemas = new HashMap<>();
            all.properties().forEach(entry -> schemas.put(entry.getKey(), entry.getValue()));
            return schemas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a line to {@code problems} for every place where {@code value} departs from {@code schema}. */
    static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (schema.isTextual()) {
            checkScalar(value, schema.asText(), path, problems);
        } else if (schema.isArray()) {
            if (!value.isArray()) {
                problems.add(path + ": a list expected, found " + value.getNodeType());
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get(0), path + "[" + i + "]", problems);
            }
        } else {
            if (!value.isObject()) {
                problems.add(path + ": an object expected, found " + value.getNodeType());
                return;
            }
            Map<String, JsonNode> fields = new HashMap<>();
            schema.properties().forEach(field -> {
                String name = field.getKey();
                boolean required = name.endsWith("!");
                String bare = required ? name.substring(0, name.length() - 1) : name;
                fields.put(bare, field.getValue());
                if (required && !value.has(bare)) {
                    problems.add(path + "." + bare + ": required, missing");
                }
            });
            for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode fieldSchema = fields.get(field.getKey());
                if (fieldSchema == null) {
                    problems.add(path + "." + field.getKey() + ": not a documented field here");
                } else {
                    check(field.getValue(), fieldSchema, path + "." + field.getKey(), problems);
                }
            }
        }
    }

    private static void checkScalar(JsonNode value, String type, String path, List<String> problems) {
        if (type.equals("string")) {
            if (!value.isTextual()) {
                problems.add(path + ": a string expected, found " + value.getNodeType());
            }
        } else if (type.equals("integer")) {
            if (!value.isIntegralNumber()) {
                problems.add(path + ": an integer expected, found " + value.getNodeType());
            }
        } else if (type.equals("boolean")) {
            if (!value.isBoolean()) {
                problems.add(path + ": true or false expected, found " + value.getNodeType());
            }
        } else if (type.equals("map")) {
            if (!value.isObject()) {
                problems.add(path + ": a map expected, found " + value.getNodeType());
                return;
            }
            value.properties().forEach(entry -> {
                if (!entry.getValue().isTextual()) {
                    problems.add(path + "." + entry.getKey() + ": a string value expected (quote it), found "
                            + entry.getValue().getNodeType());
                }
            });
        } else if (type.startsWith("enum:")) {
            List<String> allowed = List.of(type.substring(5).split("\\|"));
            if (!value.isTextual() || !allowed.contains(value.asText())) {
                problems.add(path + ": one of " + allowed + " expected, found " + value);
            }
        } else if (type.startsWith("pattern:")) {
            if (!value.isTextual() || !value.asText().matches(type.substring(8))) {
                problems.add(path + ": a string matching " + type.substring(8) + " expected, found " + value);
            }
        } else {
            throw new IllegalArgumentException("Unknown schema type " + type + " at " + path);
        }
    }
}
