package org.tehai.demo;

import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.anonymous;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

/** Only the paths that leave the shared test database alone: loading with replace would empty every table. */
@QuarkusTest
class DemoDataResourceTest {

    @Test
    void shouldLetOnlyAdminsLoadDemoData() {
        anonymous().post("/api/admin/demo-data").then().statusCode(401);
        as(DISPATCHER).post("/api/admin/demo-data?replace=true").then().statusCode(403);
        as(AGENT).post("/api/admin/demo-data").then().statusCode(403);
    }

    @Test
    void shouldRefuseToLoadOverExistingDataWithoutReplace() {
        TestData.region();
        assertProblem(as(ADMIN).post("/api/admin/demo-data").then(), 409, "replace");
    }
}
