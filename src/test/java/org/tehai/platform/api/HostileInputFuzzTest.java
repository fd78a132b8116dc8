package org.tehai.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Sends thousands of malformed requests, generated from the application's own OpenAPI document, to every write
 * operation and every query parameter, and holds the API to its promises: no 5xx whatever the input, every 4xx an
 * {@code application/problem+json} body, and a refused request leaves every table as it was. Scheduled jobs are
 * off in this test so that only the requests change the database.
 */
@QuarkusTest
@TestProfile(HostileInputFuzzTest.Quiet.class)
class HostileInputFuzzTest {

    /** The application with its scheduled jobs (notification delivery, solver ticks) switched off. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    private static final int MIN_REQUESTS = 2_000;
    private static final int PER_OPERATION = 45;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource database;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261130L);
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int sent;
    private String fingerprint;
    private String fingerprintQuery;
    private Seeds seeds;

    record Seeds(long region, String regionCode, long customer, long site, long asset, long ticket, long visit,
            TestData.Technician technician, long part, String partCode) {
    }

    record Operation(String method, String path, JsonNode spec) {
    }

    @Test
    void shouldAnswerEveryMalformedRequestWithAProblemAndWriteNothing() throws Exception {
        seeds = seed();
        JsonNode api = json.readTree(send("GET", "/q/openapi?format=json", null, null, "admin").body());
        JsonNode schemas = api.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)
                    && !path.getKey().startsWith("/api/admin/demo-data") && path.getKey().startsWith("/api/")) {
                operations.add(new Operation(method, path.getKey(), op.getValue()));
            }
        }));
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(40);
        fingerprintQuery = fingerprintQuery();
        fingerprint = fingerprint();

        int writes = 0;
        int queryParameters = 0;
        for (Operation operation : operations) {
            boolean write = !operation.method().equals("GET");
            String user = userFor(operation);
            JsonNode bodySchema = operation.spec().path("requestBody").path("content").path("application/json")
                    .path("schema");
            List<JsonNode> parameters = new ArrayList<>();
            operation.spec().path("parameters").forEach(parameters::add);
            String path = realPath(operation.path(), parameters);
            List<Request> requests = new ArrayList<>();
            if (write) {
                writes++;
                JsonNode valid = bodySchema.isMissingNode() ? null : example(bodySchema, schemas, 0);
                if (valid != null) {
                    requests.addAll(bodyMutations(operation.method(), path, valid, user));
                } else {
                    requests.add(new Request(operation.method(), path, "{\"unexpected\":\"\\u0000\"}", "application/json",
                            user));
                    requests.add(new Request(operation.method(), path, "{\"a\":1,\"a\":2}", "application/json", user));
                }
                requests.addAll(pathMutations(operation, parameters, user, valid));
            }
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asText().equals("query")) {
                    queryParameters++;
                    for (String bad : BAD_QUERY_VALUES) {
                        requests.add(new Request(operation.method(), path + "?" + parameter.path("name").asText() + "="
                                + URLEncoder.encode(bad, StandardCharsets.UTF_8), write ? "{}" : null,
                                "application/json", user));
                    }
                }
            }
            List<Request> chosen = sample(requests, write ? PER_OPERATION : requests.size());
            for (Request request : chosen) {
                check(request);
            }
        }
        // Top up with more body mutations until the count is reached, spread over the write operations.
        while (sent < MIN_REQUESTS) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            JsonNode bodySchema = operation.spec().path("requestBody").path("content").path("application/json")
                    .path("schema");
            if (operation.method().equals("GET") || bodySchema.isMissingNode()) {
                continue;
            }
            List<JsonNode> parameters = new ArrayList<>();
            operation.spec().path("parameters").forEach(parameters::add);
            List<Request> more = bodyMutations(operation.method(), realPath(operation.path(), parameters),
                    example(bodySchema, schemas, 0), userFor(operation));
            check(more.get(random.nextInt(more.size())));
        }
        System.out.printf("Hostile input: %d requests over %d write operations and %d query parameters; statuses %s%n",
                sent, writes, queryParameters, statuses);
        assertThat(sent).isGreaterThanOrEqualTo(MIN_REQUESTS);
        assertThat(writes).as("write operations fuzzed").isGreaterThan(30);
        assertThat(failures).as("requests the API mishandled").isEmpty();
    }

    // ----- Requests ------------------------------------------------------------------------------------------

    record Request(String method, String pathAndQuery, String body, String contentType, String user) {
    }

    private static final List<String> BAD_QUERY_VALUES = List.of("\u0000", "a\u0000b", "banana", "-1", "0",
            "99999999999999999999", "x".repeat(600), "' OR 1=1 --", "+999999999-12-31", "２０２６-１２-０１", "\u0007",
            "1e400", "%");

    private void check(Request request) throws Exception {
        HttpResponse<String> response = send(request.method(), request.pathAndQuery(), request.body(),
                request.contentType(), request.user());
        sent++;
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String what = request.method() + " " + shorten(request.pathAndQuery()) + " as " + request.user() + " body "
                + shorten(request.body());
        if (status >= 500) {
            failures.add(status + " for " + what + ": " + shorten(response.body()));
            fingerprint = fingerprint();
            return;
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(status + " without problem+json (" + type + ") for " + what);
            }
            String now = fingerprint();
            if (!now.equals(fingerprint)) {
                failures.add(status + " wrote rows for " + what + ": " + difference(fingerprint, now));
                fingerprint = now;
            }
        } else {
            quietenDispatch(request);
            fingerprint = settledFingerprint();
        }
    }

    /** A request that started solving a region-day: stop it, so that only requests write while the test runs. */
    private void quietenDispatch(Request request) throws Exception {
        var day = java.util.regex.Pattern.compile("^(/api/regions/[^/]+/days/[^/?]+)/(proposals|live)")
                .matcher(request.pathAndQuery());
        if (!day.find() || request.method().equals("GET")) {
            return;
        }
        send("DELETE", day.group(1) + "/live", null, null, "dispatcher");
        send("DELETE", day.group(1) + "/proposals/current", null, null, "dispatcher");
        for (int i = 0; i < 100; i++) {
            String body = send("GET", day.group(1) + "/proposals/current", null, null, "dispatcher").body();
            if (!body.contains("\"SOLVING\"") && !body.contains("\"QUEUED\"")) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, String contentType,
            String user) throws Exception {
        String base = root.toString().replaceAll("/$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Request> sample(List<Request> all, int count) {
        if (all.size() <= count) {
            return all;
        }
        List<Request> copy = new ArrayList<>(all);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, count);
    }

    private String userFor(Operation operation) {
        if (operation.path().startsWith("/api/me")) {
            return seeds.technician().login();
        }
        String roles = operation.spec().toString();
        // The first role the operation allows, admin when it allows admins: so the request reaches the checks.
        for (String user : List.of("admin", "dispatcher", "agent", "manager")) {
            if (roles.contains("\"" + user + "\"")) {
                return user;
            }
        }
        return "admin";
    }

    // ----- Paths ---------------------------------------------------------------------------------------------

    private String realPath(String template, List<JsonNode> parameters) {
        String path = template;
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asText().equals("path")) {
                continue;
            }
            String name = parameter.path("name").asText();
            path = path.replace("{" + name + "}", realValue(template, name));
        }
        return path;
    }

    private String realValue(String template, String name) {
        return switch (name) {
            case "region" -> seeds.regionCode();
            case "date" -> LocalDate.now().plusDays(1).toString();
            case "code" -> "TV/NO_SIGNAL".replace("/", "%2F");
            default -> {
                String resource = template.replaceFirst("^/api/", "").split("/")[0];
                long id = switch (resource) {
                    case "customers" -> seeds.customer();
                    case "sites" -> seeds.site();
                    case "assets" -> seeds.asset();
                    case "tickets" -> seeds.ticket();
                    case "visits" -> seeds.visit();
                    case "technicians" -> seeds.technician().id();
                    case "regions" -> seeds.region();
                    case "parts" -> seeds.part();
                    default -> 1;
                };
                yield Long.toString(id);
            }
        };
    }

    private static final List<String> BAD_PATH_VALUES = List.of("0", "-1", "99999999999999999999", "abc", "%00",
            "1%0A", "%E3%80%80", "x".repeat(300), "1.5");

    private List<Request> pathMutations(Operation operation, List<JsonNode> parameters, String user, JsonNode valid) {
        List<Request> requests = new ArrayList<>();
        String body = valid == null ? null : valid.toString();
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asText().equals("path")) {
                continue;
            }
            String name = parameter.path("name").asText();
            for (String bad : BAD_PATH_VALUES) {
                String template = operation.path().replace("{" + name + "}", bad);
                requests.add(new Request(operation.method(), realPath(template, parameters), body, "application/json",
                        user));
            }
        }
        return requests;
    }

    // ----- Bodies --------------------------------------------------------------------------------------------

    /** A plausible body for the schema: every property with a typical value. */
    private JsonNode example(JsonNode schema, JsonNode schemas, int depth) {
        JsonNode resolved = resolve(schema, schemas);
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        String format = resolved.path("format").asText("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(),
                        example(property.getValue(), schemas, depth + 1)));
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(resolved.path("items"), schemas, depth + 1));
                yield array;
            }
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(35.7);
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (format) {
                case "date-time" -> NODES.textNode("2026-12-01T09:00:00+09:00");
                case "date" -> NODES.textNode("2026-12-01");
                case "local-time", "time" -> NODES.textNode("09:00");
                default -> NODES.textNode("Test");
            };
        };
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String name = current.path("$ref").asText().replace("#/components/schemas/", "");
            current = schemas.path(name);
        }
        if (current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(current.path("allOf").get(0), schemas);
        }
        if (current.has("oneOf") && current.path("oneOf").size() > 0) {
            return resolve(current.path("oneOf").get(0), schemas);
        }
        return current;
    }

    /** The values a hostile or careless client puts where a value belongs. */
    private static final List<Function<JsonNode, JsonNode>> BAD_VALUES = List.of(
            v -> NODES.textNode("a\u0000b"),
            v -> NODES.textNode("bell\u0007"),
            v -> NODES.textNode("x".repeat(10_001)),
            v -> NODES.textNode("y".repeat(4_001)),
            v -> NODES.textNode("z".repeat(301)),
            v -> NODES.textNode("\uD800"),
            v -> NODES.textNode(""),
            v -> NODES.textNode("   "),
            v -> NODES.numberNode(-1),
            v -> NODES.numberNode(0),
            v -> NODES.numberNode(2_147_483_648L),
            v -> new BigIntegerNode(new BigInteger("99999999999999999999")),
            v -> new DecimalNode(new BigDecimal("1e400")),
            v -> NODES.numberNode(1.5),
            v -> NODES.booleanNode(true),
            v -> NODES.nullNode(),
            v -> NODES.arrayNode().addNull(),
            v -> NODES.arrayNode(),
            v -> NODES.objectNode(),
            v -> NODES.textNode("+999999999-12-31T23:59:59+18:00"),
            v -> NODES.textNode("-999999999-01-01T00:00:00-18:00"),
            v -> NODES.textNode("1899-12-31"),
            v -> NODES.textNode("2100-01-01T00:00:00Z"),
            v -> NODES.textNode("2026-02-30T10:00:00+09:00"),
            v -> NODES.textNode("2026-12-01T09:00:00"),
            v -> NODES.textNode("25:61"),
            v -> NODES.textNode(v.isTextual() ? v.asText().toLowerCase() + "x" : "NOPE"),
            v -> v.isArray() ? manyOf(v) : NODES.textNode("１２３"));

    private static JsonNode manyOf(JsonNode array) {
        ArrayNode many = NODES.arrayNode();
        JsonNode element = array.size() > 0 ? array.get(0) : NODES.textNode("x");
        for (int i = 0; i < 1_001; i++) {
            many.add(element);
        }
        return many;
    }

    private List<Request> bodyMutations(String method, String path, JsonNode valid, String user) {
        List<Request> requests = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(valid, new ArrayList<>(), paths, 0);
        for (List<Object> at : paths) {
            for (Function<JsonNode, JsonNode> bad : BAD_VALUES) {
                JsonNode copy = valid.deepCopy();
                JsonNode old = get(copy, at);
                set(copy, at, bad.apply(old));
                requests.add(new Request(method, path, copy.toString(), "application/json", user));
            }
            if (at.size() == 1 && valid.isObject()) {
                // The same key twice, the second value winning in a lenient reader.
                String key = (String) at.get(0);
                String body = valid.toString();
                String duplicate = "{\"" + key + "\":" + valid.get(key) + "," + body.substring(1);
                requests.add(new Request(method, path, duplicate, "application/json", user));
            }
        }
        for (String whole : List.of("", "null", "[]", "{", "{}", "\"text\"", "12", "{\"a\":}", "[".repeat(2_000),
                "{\"x\":\"\\u0000\"}")) {
            requests.add(new Request(method, path, whole, "application/json", user));
        }
        requests.add(new Request(method, path, valid.toString(), "text/plain", user));
        requests.add(new Request(method, path, valid.toString(), "application/xml", user));
        return requests;
    }

    private static void collectPaths(JsonNode node, List<Object> at, List<List<Object>> into, int depth) {
        if (depth > 3) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                List<Object> next = new ArrayList<>(at);
                next.add(field.getKey());
                into.add(next);
                collectPaths(field.getValue(), next, into, depth + 1);
            }
        } else if (node.isArray() && node.size() > 0) {
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            into.add(next);
            collectPaths(node.get(0), next, into, depth + 1);
        }
    }

    private static JsonNode get(JsonNode root, List<Object> at) {
        JsonNode node = root;
        for (Object step : at) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static void set(JsonNode root, List<Object> at, JsonNode value) {
        JsonNode parent = get(root, at.subList(0, at.size() - 1));
        Object last = at.get(at.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    // ----- Database fingerprint ------------------------------------------------------------------------------

    /** One query that counts and hashes the rows of every table, so any insert, update or delete shows. */
    private String fingerprintQuery() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' "
                        + "and table_name <> 'flyway_schema_history' order by table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertThat(tables).contains("customer", "ticket", "visit", "audit_log");
        StringBuilder query = new StringBuilder();
        for (String table : tables) {
            if (query.length() > 0) {
                query.append(" union all ");
            }
            query.append("select '").append(table).append("', count(*), coalesce(sum(hashtext(t::text)::bigint), 0) from ")
                    .append(table).append(" t");
        }
        return query.toString();
    }

    private String fingerprint() throws Exception {
        Map<String, String> counts = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(fingerprintQuery)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2) + "/" + rows.getLong(3));
            }
        }
        return counts.toString();
    }

    /** After a request that succeeded, work it started in the background may still write: wait until it is quiet. */
    private String settledFingerprint() throws Exception {
        String last = fingerprint();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(50);
            String now = fingerprint();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static String difference(String before, String after) {
        List<String> changed = new ArrayList<>();
        String[] a = before.substring(1, before.length() - 1).split(", ");
        String[] b = after.substring(1, after.length() - 1).split(", ");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                changed.add(a[i] + " -> " + b[i]);
            }
        }
        return changed.toString();
    }

    private static String shorten(String text) {
        if (text == null) {
            return "-";
        }
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 160 ? shown.substring(0, 160) + "…(" + shown.length() + ")" : shown;
    }

    // ----- Seed records --------------------------------------------------------------------------------------

    private Seeds seed() {
        long region = TestData.region();
        String regionCode = io.restassured.RestAssured.given().auth().preemptive().basic("admin", "admin")
                .get("/api/regions/" + region).then().statusCode(200).extract().jsonPath().getString("code");
        long customer = TestData.customer("Fuzz Taro", TestData.tokyoPhone());
        long site = TestData.site(customer, region, "Fuzz Heights", "101", 35.70, 139.65);
        long asset = TestData.asset(site, null);
        long ticket = TestData.ticket(customer, site);
        long visit = TestData.visit(ticket, LocalDate.now().plusDays(1));
        TestData.Technician technician = TestData.technician(region);
        String partCode = TestData.part();
        return new Seeds(region, regionCode, customer, site, asset, ticket, visit, technician,
                TestData.partId(partCode), partCode);
    }
}
