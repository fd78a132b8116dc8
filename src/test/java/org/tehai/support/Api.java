package org.tehai.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Requests as the built-in users of the test profile, and the checks every API test repeats. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String DISPATCHER = "dispatcher";
    public static final String AGENT = "agent";
    public static final String MANAGER = "manager";

    private Api() {
    }

    /** A request by a built-in user, or by a technician whose login is both user name and password. */
    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification withToken(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A code no other test uses: all test classes share one database. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A number no other test uses, e.g. for phone numbers. */
    public static String uniqueDigits(int count) {
        String digits = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        while (digits.length() < count) {
            digits += digits;
        }
        return digits.substring(0, count);
    }

    /** An RFC 9457 problem naming the offending field. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String field) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("field", equalTo(field));
    }

    /** An RFC 9457 problem without a field (e.g. not found). */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }

    /** The id at the end of a Location header. */
    public static long idFromLocation(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
